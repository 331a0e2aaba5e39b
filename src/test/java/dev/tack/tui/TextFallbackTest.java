package dev.tack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.tack.board.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tack | less}, {@code tack} in a script: no terminal, so the board is printed as text. */
class TextFallbackTest {

    @TempDir
    Path dir;

    @Test
    void withoutATerminalTackPrintsTheBoard() throws Exception {
        try (Workspace board = Fixture.create(dir, "alice")) {
            Fixture.add(board, "piped \u001b[31mcard", "Doing");
        }
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.tack.Main", "--db", dir.resolve("tack.db").toString()))
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(err).isZero();
        assertThat(out).contains("Todo").contains("Doing").contains("piped ^[[31mcard").doesNotContain("\u001b");
    }
}
