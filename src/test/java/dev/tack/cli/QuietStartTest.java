package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.tack.Main;
import dev.tack.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes that start together print nothing but their output: sqlite-jdbc's loader deletes stale
 * copies of its native library from the temporary folder, and the one that loses that race logs a
 * SEVERE stack trace unless tack keeps its log quiet ({@code --debug} shows it).
 */
class QuietStartTest {

    @TempDir
    Path dir;

    @Test
    void commandsStartingTogetherBesideStaleNativeLibrariesWriteNothingToStderr() throws Exception {
        String db = dir.resolve("tack.db").toString();
        run(List.of(start("--db", db, "init"))).forEach(err -> assertThat(err).isEmpty());
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 40; i++) {
                // What crashed or killed JVMs leave behind: an extracted library without its .lck file.
                Files.createFile(dir.resolve("sqlite-3.51.3.0-00000000-0000-0000-0000-" + String.format("%06d%06d", round, i)
                        + "-libsqlitejdbc.so"));
            }
            List<Process> together = new ArrayList<>();
            for (int p = 0; p < 6; p++) {
                together.add(start("--db", db, "ls"));
            }
            assertThat(run(together)).as("stderr of 6 `tack ls` started together").allMatch(String::isEmpty);
        }
    }

    private Process start(String... args) throws Exception {
        // The child's temporary folder is this test's folder (ChildJvm.command), where the stale files are.
        return new ProcessBuilder(ChildJvm.command(dir, Main.class, args)).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static List<String> run(List<Process> processes) throws Exception {
        List<String> errs = new ArrayList<>();
        for (Process process : processes) {
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(err).isZero();
            errs.add(err);
        }
        return errs;
    }
}
