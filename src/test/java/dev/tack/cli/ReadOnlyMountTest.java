package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.tack.Main;
import dev.tack.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A board on a read-only mount is read, not refused (issue 8 item 9). Tests run as root, whom
 * permission bits do not stop, so the mount is real: each command runs in its own mount namespace
 * ({@code unshare -m}) where the board's folder is bind-mounted read-only over itself. The board
 * is made by other processes first, which close it cleanly, so no -wal or -shm is left: the case
 * where SQLite cannot open a WAL file read-only without help.
 */
class ReadOnlyMountTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    @Test
    void lsAndLogReadTheBoardAndAWriteFailsWithOneLine() throws Exception {
        assumeTrue(run(List.of("unshare", "-m", "sh", "-c", "mount --bind -o ro \"$0\" \"$0\"", folder.toString())).exit == 0,
                "unshare -m with a read-only bind mount is not possible here");
        Path db = folder.resolve("board").resolve("tack.db");
        assertThat(tack(db, false, "init", "--db", db.toString()).exit).isZero();
        assertThat(tack(db, false, "--db", db.toString(), "add", "read me").exit).isZero();

        Outcome ls = tack(db, true, "--db", db.toString(), "ls");
        assertThat(ls.exit).as("ls stderr: %s", ls.stderr).isZero();
        assertThat(ls.stdout).contains("read me");
        Outcome log = tack(db, true, "--db", db.toString(), "log");
        assertThat(log.exit).as("log stderr: %s", log.stderr).isZero();
        assertThat(log.stdout).contains("added #1 to Todo");

        Outcome add = tack(db, true, "--db", db.toString(), "add", "refused");
        assertThat(add.exit).isEqualTo(1);
        assertThat(add.stderr.lines().toList()).hasSize(1);
        assertThat(add.stderr).startsWith("tack: ").contains("read-only").contains("a read-only mount");
        assertThat(tack(db, false, "--db", db.toString(), "ls").stdout).doesNotContain("refused");
    }

    private record Outcome(int exit, String stdout, String stderr) {
    }

    /** tack in a child JVM; with {@code readOnly}, inside a mount namespace where the board's folder is read-only. */
    private Outcome tack(Path db, boolean readOnly, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (readOnly) {
            command.addAll(List.of("unshare", "-m", "sh", "-c", "mount --bind -o ro \"$0\" \"$0\" && exec \"$@\"",
                    db.getParent().toString()));
        }
        command.addAll(ChildJvm.command(folder, Main.class, args));
        return run(command);
    }

    private static Outcome run(List<String> command) throws Exception {
        try (ChildJvm child = ChildJvm.startCommand("tack", command)) {
            int exit = child.awaitExit(WAIT);
            return new Outcome(exit, String.join("\n", child.lines()), child.stderr());
        }
    }
}
