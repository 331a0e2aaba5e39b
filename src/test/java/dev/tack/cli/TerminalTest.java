package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Console;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import dev.tack.Main;
import dev.tack.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Piped output is not a terminal on any JDK. From JDK 22 {@code System.console()} may return a
 * console for piped output (JDK-8308591; JDK 22-24 do, 25 no longer does), so tack asks
 * {@code Console.isTerminal()} where it exists. .ci/run runs this class on Java 25 as well as 17.
 */
class TerminalTest extends CliFixture {

    @TempDir
    Path tmp;

    @Test
    void theTestJvmWhoseOutputIsAPipeHasNoTerminal() throws Exception {
        assertThat(Terminal.interactive()).isFalse();
        Console console = System.console();
        if (console != null) { // JDK 22-24: a console that is not a terminal
            Method isTerminal = Console.class.getMethod("isTerminal");
            assertThat(isTerminal.invoke(console)).isEqualTo(false);
        }
    }

    @Test
    void lsIntoAPipeHasNoColourAndPlainTackPrintsTheBoard() throws Exception {
        add("urgent thing", "-p", "3", "-t", "bug", "--due", "2020-01-01");
        String ls = run("--db", db.toString(), "ls");
        assertThat(ls).contains("#1 urgent thing !!! #bug due 2020-01-01 (overdue)").doesNotContain("\u001b");
        assertThat(run("--db", db.toString())).isEqualTo(ls);
    }

    private String run(String... args) throws Exception {
        Process process = new ProcessBuilder(ChildJvm.command(tmp, Main.class, args)).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        assertThat(err).as("stderr (no JDK warnings either)").isEmpty();
        return out;
    }
}
