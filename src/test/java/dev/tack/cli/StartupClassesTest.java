package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.tack.Main;
import dev.tack.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a start loads, read from the JVM's own class-loading log of a real {@code tack} process
 * (counts and names, not durations: docs/STARTUP.md has the timings). Guards the start-up cuts:
 * only the named command's class, no java.util.logging without a board file, no java.sql for
 * picocli's converters.
 */
class StartupClassesTest {

    private static final Pattern LOADED = Pattern.compile("\\] (\\S+) source:");

    @TempDir
    Path dir;

    @Test
    void versionLoadsNoCommandNoLoggingAndNoJdbc() throws Exception {
        List<String> classes = loadedBy("--version");
        assertThat(classes).contains("dev.tack.cli.TackCommand");
        assertThat(classes).filteredOn(name -> name.matches("dev\\.tack\\.cli\\.\\w+Command")).containsOnly("dev.tack.cli.TackCommand", "dev.tack.cli.BaseCommand");
        assertThat(classes).noneMatch(name -> name.startsWith("java.util.logging."));
        assertThat(classes).noneMatch(name -> name.startsWith("java.sql."));
    }

    @Test
    void aCommandLoadsItsOwnClassAlone() throws Exception {
        List<String> classes = loadedBy("--db", dir.resolve("tack.db").toString(), "init");
        assertThat(classes).filteredOn(name -> name.matches("dev\\.tack\\.cli\\.\\w+Command"))
                .containsOnly("dev.tack.cli.TackCommand", "dev.tack.cli.BaseCommand", "dev.tack.cli.InitCommand");
    }

    private List<String> loadedBy(String... args) throws Exception {
        Path log = dir.resolve("classes-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(ChildJvm.command(dir, Main.class, args));
        command.add(1, "-Xlog:class+load=info:file=" + log);
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher matcher = LOADED.matcher(line);
            if (matcher.find()) {
                classes.add(matcher.group(1));
            }
        }
        assertThat(classes).as("classes in the log").hasSizeGreaterThan(100);
        return classes;
    }
}
