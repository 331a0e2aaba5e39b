package dev.tack.store.sqlite;

import dev.tack.model.TackException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.time.Duration;
import dev.tack.Main;
import dev.tack.cli.TackCommand;
import dev.tack.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/ARCHITECTURE.md §2 rule 6: a file from a newer tack is refused, not touched. */
class SchemaVersionTest {

    @TempDir
    Path dir;

    @Test
    void aFileFromANewerTackIsRefusedWithOneLineAndLeftByteForByteUnchanged() throws Exception {
        Path db = dir.resolve("tack.db");
        // Created by another process, so that no connection of this JVM (tack keeps its writer's open) remains.
        try (ChildJvm init = ChildJvm.start("init", dir, Main.class, "init", "--db", db.toString())) {
            assertThat(init.awaitExit(Duration.ofMinutes(1))).as(init.stderr()).isZero();
        }
        int newer = Schema.CURRENT_VERSION + 1;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = " + newer);
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        // Every connection is closed: the test (never tack) may now read the file to fingerprint it.
        assertThat(db.resolveSibling("tack.db-wal")).doesNotExist();
        long size = Files.size(db);
        FileTime modified = Files.getLastModifiedTime(db);
        String digest = sha256(db);
        Thread.sleep(20); // so that any write would move the modification time

        assertThatThrownBy(() -> Database.open(db, Database.Options.defaults(), tx -> null))
                .isInstanceOfSatisfying(TackException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TackException.Kind.FAILED);
                    assertThat(e.getMessage()).contains("newer tack", "schema " + newer).doesNotContain("\n");
                });
        // Through the command line: exit 1, one line on stderr beginning "tack: ", nothing on stdout.
        for (String[] command : new String[][] {{"--db", db.toString(), "ls"}, {"--db", db.toString(), "add", "x"},
                {"--db", db.toString(), "check"}}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = TackCommand.run(new PrintWriter(out), new PrintWriter(err), command);
            assertThat(code).as("exit code of %s", String.join(" ", command)).isEqualTo(1);
            assertThat(err.toString()).startsWith("tack: ").contains("newer tack");
            assertThat(err.toString().strip().lines()).hasSize(1);
            assertThat(out.toString()).isEmpty();
        }

        assertThat(Files.size(db)).isEqualTo(size);
        assertThat(Files.getLastModifiedTime(db)).isEqualTo(modified);
        assertThat(db.resolveSibling("tack.db-wal")).as("no WAL left behind").doesNotExist();
        assertThat(sha256(db)).as("file content").isEqualTo(digest);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
