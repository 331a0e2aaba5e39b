package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.tack.store.sqlite.BoardFiles;
import dev.tack.store.sqlite.Database;
import org.junit.jupiter.api.Test;

/**
 * The board's files are known by identity, not by spelling (issue 8 items 4 and 5): a hard link to
 * the database is refused as an import or export file, and a symlinked path shares the real file's
 * lock file and Writer.
 */
class BoardFileIdentityTest extends CliFixture {

    @Test
    void importOfAHardLinkToTheDatabaseIsRefusedBeforeAnyJavaIo() throws Exception {
        add("a");
        Path link = Files.createLink(folder.resolve("cards.json"), db);
        CliRun.Result result = tack("import", link.toString()).expectError(2);
        assertThat(result.err()).contains("board's own database file");
        assertThat(tack("export", "-o", link.toString()).expectError(2).err()).contains("board's own file");
    }

    @Test
    void aHardLinkToTheWalIsABoardFileToo() throws Exception {
        add("a"); // this JVM's writer keeps its connection, so the -wal stays
        Path wal = db.resolveSibling("tack.db-wal");
        assumeTrue(Files.exists(wal), "no -wal file at the moment");
        Path link = Files.createLink(folder.resolve("out.csv"), wal);
        assertThat(BoardFiles.isBoardFile(link, db)).isTrue();
        assertThat(tack("export", "--format", "csv", "-o", link.toString()).expectError(2).err()).contains("board's own file");
        assertThat(BoardFiles.isBoardFile(folder.resolve("other.csv"), db)).isFalse();
        assertThat(BoardFiles.isBoardFile(folder.resolve("tack.db-journal"), db)).as("not there yet, but its name").isTrue();
    }

    @Test
    void aSymlinkedPathSharesTheLockFileAndTheWriter() throws Exception {
        Path other = Files.createDirectory(folder.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(other.resolve("board.db"), db);
        try (Database viaLink = Database.open(link, Database.Options.defaults(), tx -> null);
             Database direct = Database.open(db, Database.Options.defaults(), tx -> null)) {
            assertThat(viaLink.writer().lockFile()).isEqualTo(db.toRealPath().resolveSibling("tack.db.lock"));
            assertThat(viaLink.writer().sharesLocksWith(direct.writer())).isTrue();
        }
        CliRun.tack("--db", link.toString(), "add", "through the link").expectOk();
        assertThat(other.resolve("board.db.lock")).doesNotExist();
        assertThat(tack("ls").expectOk().out()).contains("through the link");
    }
}
