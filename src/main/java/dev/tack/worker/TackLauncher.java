package dev.tack.worker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a worker's command calls the same tack that runs the worker, whatever the person typed to
 * start it (an alias, a jar path, the archive's {@code bin/tack}): no file is written for it.
 *
 * <ul>
 *   <li>{@code TACK} holds the command line, as shell words: this JVM's java, its options (less
 *       debugging agents, which would fight over a port), its class path and the main class.
 *       Any script may use it ({@code $TACK comment …}; Python: {@code shlex.split}).</li>
 *   <li>The {@code /bin/sh -c} line the worker runs starts with a {@code tack} function that runs
 *       {@code $TACK}, so {@code --exec 'tack comment $TACK_CARD_ID hi'} works.</li>
 * </ul>
 * A script the command runs does not see the function ({@code /bin/sh} is dash on Debian, which
 * neither exports functions nor passes on bash's {@code BASH_FUNC_} variables): it uses
 * {@code ${TACK:-tack}}. A {@code tack} on the job's PATH would need a launcher file, which tack
 * does not write behind the person's back.
 *
 * <p>The job's tack talks to the worker's database and board ({@code TACK_DB}, {@code TACK_BOARD})
 * and, through {@code TACK_RUN_ID}, lets people's writes go first as the worker does.
 */
final class TackLauncher {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");
    private static final String MAIN = "dev.tack.Main";
    /** The body of the {@code tack} function: {@code $TACK} with the function's own arguments. */
    private static final String BODY = "eval \"$TACK\" '\"$@\"'";

    private TackLauncher() {
    }

    /** The shell line to run for {@code command}: the {@code tack} function, then the command. */
    static String shellLine(String command) {
        return "tack() { " + BODY + "; }; " + command;
    }

    /** What the command's environment gets: {@code TACK}. */
    static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TACK", quote(commandLine()));
        return env;
    }

    /** The words that start this tack again: java, this JVM's options, the class path, the main class. */
    static List<String> commandLine() {
        List<String> words = new ArrayList<>();
        words.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        words.addAll(jvmOptions());
        words.add("-cp");
        words.add(System.getProperty("java.class.path"));
        words.add(MAIN);
        return words;
    }

    private static List<String> jvmOptions() {
        try {
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(option -> !option.startsWith("-agentlib") && !option.startsWith("-agentpath")
                            && !option.startsWith("-javaagent") && !option.startsWith("-Xrunjdwp") && !option.equals("-Xdebug"))
                    .toList();
        } catch (LinkageError | RuntimeException e) {
            return List.of(); // a runtime without java.management: the defaults do
        }
    }

    /** Shell words, each quoted only when it needs to be, so a plain {@code $TACK} works where paths have no spaces. */
    static String quote(List<String> words) {
        List<String> quoted = new ArrayList<>();
        for (String word : words) {
            quoted.add(PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'");
        }
        return String.join(" ", quoted);
    }
}
