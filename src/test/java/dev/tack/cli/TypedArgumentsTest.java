package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.tack.Main;
import dev.tack.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Non-ASCII arguments survive a C locale (cron, containers, {@code env -i}), where the JVM decodes argv as ASCII. */
class TypedArgumentsTest {

    @TempDir
    Path dir;

    /** Runs {@code tack ARGS} in a new JVM with an empty environment: no LANG, no LC_*, so the C locale. */
    private String tackUnderCLocale(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("env", "-i", "PATH=" + System.getenv("PATH")));
        command.addAll(ChildJvm.command(dir, Main.class, args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void aTitleTypedUnderTheCLocaleIsStoredAsTyped() throws Exception {
        String db = dir.resolve("tack.db").toString();
        tackUnderCLocale("--db", db, "init");
        tackUnderCLocale("--db", db, "add", "Café ✓ 日本語 🚀", "-t", "naïve");
        assertThat(tackUnderCLocale("--db", db, "--json", "show", "1")).contains("\"title\": \"Café ✓ 日本語 🚀\"", "\"naïve\"");
    }

    @Test
    void aReplacementCharacterTypedOnPurposeIsKept() {
        String[] args = {"add", "already \uFFFD here"};
        // /proc/self/cmdline of this JVM does not end with these arguments: they are taken as given.
        assertThat(TypedArguments.recover(args)).containsExactly(args);
        assertThat(TypedArguments.recover(new String[] {"ls"})).containsExactly("ls");
    }
}
