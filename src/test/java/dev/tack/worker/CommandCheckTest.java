package dev.tack.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import dev.tack.model.TackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandCheckTest {

    private static final String PATH = System.getenv("PATH");

    @TempDir
    Path dir;

    private static void assertUsage(String command, String path, String fragment) {
        assertThatThrownBy(() -> CommandCheck.requireRunnable(command, path)).isInstanceOf(TackException.class)
                .satisfies(e -> assertThat(((TackException) e).kind()).isEqualTo(TackException.Kind.USAGE))
                .hasMessageContaining(fragment);
    }

    @Test
    void aProgramThatIsNowhereOnThePathIsAUsageError() {
        assertUsage("nosuchprogram-xyz --flag", PATH, "nosuchprogram-xyz");
        assertUsage("FOO=1 BAR=2 nosuchprogram-xyz", PATH, "nosuchprogram-xyz");
        assertUsage("sh -c true", "", "sh");
    }

    /** The worker defines tack for its commands: a tack that is not on PATH is no reason to refuse. */
    @Test
    void tackIsAcceptedWithoutBeingOnThePath() {
        assertThatCode(() -> CommandCheck.requireRunnable("tack comment $TACK_CARD_ID hi", "")).doesNotThrowAnyException();
    }

    @Test
    void programsOnThePathBuiltinsAndKeywordsAreAccepted() {
        for (String command : new String[] {"sh -c 'exit 0'", "sleep 1", "echo hi", "true", "exit 3", "test -f x", "[ 1 = 1 ]",
            "if true; then echo; fi", "for i in 1 2; do echo $i; done", ": nothing", ". ./env.sh", "cd /tmp && ls",
            "FOO=1 sh -c 'echo $FOO'", "  echo padded  ", "'sh' -c true", "trap 'exit 1' TERM; sleep 1"}) {
            assertThatCode(() -> CommandCheck.requireRunnable(command, PATH)).as(command).doesNotThrowAnyException();
        }
    }

    @Test
    void absolutePathsMustBeExecutableFiles() throws Exception {
        assertThatCode(() -> CommandCheck.requireRunnable("/bin/sh -c true", PATH)).doesNotThrowAnyException();
        Path script = Files.writeString(dir.resolve("job.sh"), "#!/bin/sh\nexit 0\n");
        assertUsage(script + " arg", PATH, "not an executable file");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThatCode(() -> CommandCheck.requireRunnable(script + " arg", "")).doesNotThrowAnyException();
        assertUsage(dir.resolve("missing.sh").toString(), PATH, "missing.sh");
        assertUsage(dir.toString(), PATH, "not an executable file");
    }

    @Test
    void aFolderOnThePathNamedLikeTheProgramDoesNotCount() throws Exception {
        Files.createDirectories(dir.resolve("bin/tool"));
        assertUsage("tool --version", dir.resolve("bin").toString(), "tool");
        Path notExecutable = Files.createDirectories(dir.resolve("bin2"));
        Files.writeString(notExecutable.resolve("tool"), "#!/bin/sh\n");
        assertUsage("tool --version", dir.resolve("bin") + ":" + notExecutable, "tool");
        Path executable = Files.createDirectories(dir.resolve("bin3"));
        Files.writeString(executable.resolve("tool"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(executable.resolve("tool"), PosixFilePermissions.fromString("rwxr-xr-x"));
        String path = dir.resolve("bin") + ":" + notExecutable + "::" + executable;
        assertThatCode(() -> CommandCheck.requireRunnable("tool --version", path)).doesNotThrowAnyException();
    }

    @Test
    void theFirstWordSkipsAssignmentsAndQuotes() {
        assertThat(CommandCheck.firstWord("A=1 B=x ./run.sh --go")).isEqualTo("./run.sh");
        assertThat(CommandCheck.firstWord("'my tool' x")).isEqualTo("my");
        assertThat(CommandCheck.firstWord("   ")).isEmpty();
        assertThat(CommandCheck.firstWord("echo;")).isEqualTo("echo");
    }
}
