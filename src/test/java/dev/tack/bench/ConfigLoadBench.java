package dev.tack.bench;

import java.nio.file.Path;
import java.util.Map;
import dev.tack.config.Config;

/**
 * What reading the config costs a command at start, in a fresh JVM as a command has it: the first
 * {@code Config.load} (class loading, tomlj's and ANTLR's initialisation, the parse) timed with
 * nanoTime. {@code bench/config.sh} runs it in new JVMs with and without a config file.
 *
 * <p>Usage: {@code ConfigLoadBench WORKING_FOLDER XDG_CONFIG_HOME}; prints the wall and the thread's CPU microseconds.
 */
public final class ConfigLoadBench {

    private ConfigLoadBench() {
    }

    public static void main(String[] args) {
        Map<String, String> env = Map.of("HOME", System.getProperty("user.home"), "XDG_CONFIG_HOME", args[1]);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Config config = Config.load(Path.of(args[0]), env);
        config.theme();
        long micros = (System.nanoTime() - start) / 1000;
        long cpuMicros = (threads.getCurrentThreadCpuTime() - cpuStart) / 1000;
        if (!config.problems().isEmpty()) {
            throw new IllegalStateException(config.problemLines().toString());
        }
        System.out.println(micros + " " + cpuMicros);
    }
}
