package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input gets one clear line on stderr beginning "tack: ", the exit code of docs/ARCHITECTURE.md §4, no
 * stack trace, and leaves the file as it was.
 */
class BadInputTest extends CliFixture {

    // -- the board file itself --------------------------------------------------------------------

    @Test
    void aDbPathThatDoesNotExistIsAnErrorAndCreatesNothing() {
        for (Path missing : List.of(folder.resolve("missing.db"), folder.resolve("no/such/folder/tack.db"))) {
            Set<String> before = names(folder);
            for (String[] command : List.of(new String[] {"ls"}, new String[] {"add", "x"}, new String[] {"board", "ls"},
                    new String[] {"check"}, new String[] {})) {
                String[] args = Stream.concat(Stream.of("--db", missing.toString()), Stream.of(command)).toArray(String[]::new);
                CliRun.Result result = CliRun.tack(args).expectError(1);
                assertThat(result.err()).isEqualTo("tack: no board database at " + missing
                        + " (create one with: tack init --db " + missing + ")\n");
            }
            assertThat(missing).doesNotExist();
            assertThat(names(folder)).isEqualTo(before);
        }
    }

    @Test
    void aFolderIsNotABoardFile() {
        CliRun.tack("--db", folder.toString(), "ls").expectError(1);
    }

    @Test
    void aTextFileIsNotABoardFileAndIsLeftAlone() throws IOException {
        Path text = folder.resolve("notes.txt");
        Files.writeString(text, "just some notes\nnot a database\n");
        expectUntouched(text, 1, "is not a tack database (it is not an SQLite file)");
    }

    @Test
    void anEmptyFileIsNotABoardFileAndIsLeftAlone() throws IOException {
        Path empty = Files.createFile(folder.resolve("empty.db"));
        expectUntouched(empty, 1, "is not a tack database (it is empty)");
    }

    @Test
    void anSqliteFileWithoutTacksTablesIsLeftAlone() {
        Path other = folder.resolve("other.db");
        CliRun.execute(other, "CREATE TABLE t (x)");
        expectUntouched(other, 1, "is not a tack database (it is an SQLite database without tack's tables)");
    }

    @Test
    void aFileFromANewerTackIsRefusedAndNotTouched() {
        CliRun.execute(db, "PRAGMA user_version = 99");
        CliRun.Result result = expectUntouched(db, 1, "was written by a newer tack (schema 99");
        assertThat(result.err()).contains("upgrade tack");
        assertThat(CliRun.number(db, "PRAGMA user_version")).isEqualTo(99);
    }

    /**
     * Tests run as root, whom the kernel lets write anything; tack reads "read-only" from the
     * permission bits themselves, so a file nobody may write is read-only even for root.
     */
    @Test
    void aReadOnlyFileCanBeReadButNotWritten() throws IOException {
        long id = add("existing");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        try {
            FileState before = FileState.of(db);
            CliRun.Snapshot snapshot = snapshot();
            for (String[] write : List.of(new String[] {"add", "new"}, new String[] {"mv", "1", "Doing"},
                    new String[] {"edit", "1", "--title", "x"}, new String[] {"comment", "1", "x"},
                    new String[] {"column", "add", "X"}, new String[] {"board", "add", "b"})) {
                CliRun.Result result = tack(write).expectError(1);
                assertThat(result.err()).contains("read-only");
            }
            assertThat(tack("ls").expectOk().out()).contains("#" + id + " existing");
            assertThat(tack("show", String.valueOf(id)).expectOk().out()).startsWith("#1 existing");
            assertThat(tack("log").expectOk().out()).contains("added #1");
            assertThat(tack("check").exit()).isZero();
            assertThat(FileState.of(db)).isEqualTo(before);
            assertThat(snapshot()).isEqualTo(snapshot);
        } finally {
            Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /**
     * A folder nobody may write holds a read-only board, as a file with no write bits does: the
     * kernel would let root create the lock file and SQLite's -wal and -shm there anyway, so tack
     * reads the bits itself rather than trusting what root happens to be allowed. (One thing tack
     * cannot stop for root: when -wal and -shm are missing, SQLite creates them even for a
     * read-only connection, because the kernel lets it. That is SQLite's housekeeping, not a change
     * to the board; here they exist already, as they do beside any board tack has written.)
     */
    @Test
    void aBoardInAReadOnlyFolderCanBeReadButNotWritten() throws IOException {
        long id = add("existing");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            FileState before = FileState.of(db);
            CliRun.Snapshot snapshot = snapshot();
            CliRun.Result refused = tack("add", "new").expectError(1);
            assertThat(refused.err()).contains("read-only").contains(folder.toString());
            tack("mv", String.valueOf(id), "Doing").expectError(1);
            assertThat(tack("ls").expectOk().out()).contains("#" + id + " existing");

            Path fresh = folder.resolve("fresh.db");
            CliRun.Result init = CliRun.tack("init", "--db", fresh.toString()).expectError(1);
            assertThat(init.err()).contains("read-only");
            assertThat(fresh).doesNotExist();

            assertThat(FileState.of(db)).isEqualTo(before);
            assertThat(snapshot()).isEqualTo(snapshot);
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    // -- arguments ----------------------------------------------------------------------------------

    static Stream<Object[]> badArguments() {
        String longTitle = "t".repeat(100_000);
        return Stream.of(
                new Object[] {3, new String[] {"--board", "nope", "ls"}, "no board named 'nope'"},
                new Object[] {3, new String[] {"ls", "-c", "Nope"}, "no column 'Nope'; columns are: Todo, Doing, Done"},
                new Object[] {3, new String[] {"add", "x", "-c", "Nope"}, "no column 'Nope'"},
                new Object[] {3, new String[] {"mv", "1", "Nope"}, "no column 'Nope'"},
                new Object[] {3, new String[] {"column", "rm", "Nope"}, "no column 'Nope'"},
                new Object[] {3, new String[] {"show", "999"}, "no card #999"},
                new Object[] {3, new String[] {"mv", "999", "Doing"}, "no card #999"},
                new Object[] {3, new String[] {"edit", "999", "--title", "x"}, "no card #999"},
                new Object[] {3, new String[] {"rm", "999"}, "no card #999"},
                new Object[] {3, new String[] {"restore", "999"}, "no card #999"},
                new Object[] {3, new String[] {"comment", "999", "x"}, "no card #999"},
                new Object[] {2, new String[] {"show", "abc"}, "'abc' is not a card id"},
                new Object[] {2, new String[] {"show", "0"}, "'0' is not a card id"},
                new Object[] {2, new String[] {"add", ""}, "a card needs a title that is not empty"},
                new Object[] {2, new String[] {"add", "   \t "}, "a card needs a title that is not empty"},
                new Object[] {2, new String[] {"edit", "1", "--title", " "}, "a card needs a title that is not empty"},
                new Object[] {2, new String[] {"add", longTitle}, "title is 100000 characters long; the limit is 500"},
                new Object[] {2, new String[] {"edit", "1", "--title", longTitle}, "title is 100000 characters long"},
                new Object[] {2, new String[] {"add", "x", "--due", "2026-02-30"}, "cannot read '2026-02-30' as a date"},
                new Object[] {2, new String[] {"add", "x", "--due", "someday"}, "cannot read 'someday' as a date"},
                new Object[] {2, new String[] {"edit", "1", "--due", "yesterday"}, "cannot read 'yesterday' as a date"},
                new Object[] {2, new String[] {"add", "x", "-p", "4"}, "'4' is not a priority (0 to 3, or !, !!, !!!)"},
                new Object[] {2, new String[] {"add", "x", "-p", "-1"}, "'-1' is not a priority"},
                new Object[] {2, new String[] {"add", "x", "-p", "!!!!"}, "'!!!!' is not a priority"},
                new Object[] {2, new String[] {"edit", "1", "-p", "9"}, "Invalid value for option '--priority': '9' is not a priority"},
                new Object[] {2, new String[] {"add", "x", "-p", "high"}, "'high' is not a priority"},
                new Object[] {2, new String[] {"add", "x", "-t", "-docs"}, "a new card has no tags to remove (-t -docs)"},
                new Object[] {2, new String[] {"add", "x", "-t", "+"}, "'+' names no tag after its +"},
                new Object[] {2, new String[] {"edit", "1", "--tag=--x"}, "tag '-x' must not start with '-' or '+'"},
                new Object[] {2, new String[] {"add", "x", "-t", "two words"}, "must not contain spaces"},
                new Object[] {4, new String[] {"mv", "1", "Doing", "--if-version", "7"}, "#1 is at version 1, not 7"},
                new Object[] {4, new String[] {"edit", "1", "--title", "y", "--if-version", "0"}, "#1 is at version 1, not 0"},
                new Object[] {4, new String[] {"rm", "1", "--if-version", "2"}, "#1 is at version 1, not 2"},
                new Object[] {2, new String[] {"ls", "--bogus"}, "Unknown option: '--bogus'"},
                new Object[] {2, new String[] {"ls", "--colum", "Todo"}, "Unknown options: '--colum', 'Todo'; did you mean: --column or --compact? (see: tack ls --help)"},
                new Object[] {2, new String[] {"lss"}, "'lss'; did you mean: ls? (see: tack --help)"},
                new Object[] {2, new String[] {"export", "-f", "trello"}, "export writes json, tack, md or csv (got 'trello')"},
                new Object[] {2, new String[] {"export", "-f", "xml"}, "export writes json, tack, md or csv (got 'xml')"},
                new Object[] {2, new String[] {"--bogus", "ls"}, "Unknown option: '--bogus'"},
                new Object[] {2, new String[] {"add", "x", "--nope", "y"}, "Unknown option"},
                new Object[] {2, new String[] {"frobnicate"}, "frobnicate"},
                new Object[] {2, new String[] {"add"}, "Missing required parameter: 'TITLE'"},
                new Object[] {2, new String[] {"mv", "1"}, "name the column to move #1 to (or --to-board BOARD)"},
                new Object[] {2, new String[] {"mv", "1", "Doing", "--pos", "x"}, "'x' is not a position"},
                new Object[] {2, new String[] {"mv", "1", "Doing", "--pos", "-1"}, "Invalid value for option '--pos': '-1' is not a position"},
                new Object[] {2, new String[] {"add", "x", "--pos", "-1"}, "'-1' is not a position"},
                new Object[] {2, new String[] {"column", "add", "X", "--pos", "-5"}, "Invalid value for option '--pos': '-5' is not a position"},
                new Object[] {2, new String[] {"column", "move", "Todo", "-1"}, "'-1' is not a position"},
                new Object[] {2, new String[] {"mv", "1", "Doing", "--pos", "99999999999"}, "'99999999999' is not a position"},
                new Object[] {2, new String[] {"column", "add", "X", "--wip", "0"}, "'0' is not a whole number from 1"},
                // ids, positions and limits are ASCII digits: Java's parseLong would read '١' (Arabic-Indic one) as 1
                new Object[] {2, new String[] {"mv", "\u0661", "Doing"}, "'\u0661' is not a card id"},
                new Object[] {2, new String[] {"edit", "#\u0661", "--title", "x"}, "'#\u0661' is not a card id"},
                new Object[] {2, new String[] {"mv", "1", "Doing", "--pos", "\u0661"}, "is not a position"},
                new Object[] {2, new String[] {"rm", "1", "--if-version", "\u0661"}, "is not a whole number 0 or more"},
                new Object[] {2, new String[] {"column", "wip", "Doing", "\u0663"}, "a WIP limit is a whole number from 1, or 'off'"},
                new Object[] {2, new String[] {"show", "99999999999999999999"}, "is not a card id"},
                new Object[] {2, new String[] {"log", "--since", "abc"}, "Invalid value for option '--since': 'abc' is not a whole number 0 or more"},
                new Object[] {2, new String[] {"runs", "-n", "0"}, "'0' is not a whole number from 1"},
                // durations are bounded: a huge --lease once overflowed, so a run that exited 0 was recorded stale
                new Object[] {2, new String[] {"worker", "--from", "Todo", "--to", "Done", "--exec", "true", "--lease", "1e300"},
                    "Invalid value for option '--lease': '1e300' is not a duration"},
                new Object[] {2, new String[] {"worker", "--from", "Todo", "--to", "Done", "--exec", "true", "--lease", "99999999999h"},
                    "'99999999999h' is longer than the limit of 365 days"},
                new Object[] {2, new String[] {"worker", "--from", "Todo", "--to", "Done", "--exec", "true", "--timeout", "\u0661s"},
                    "is not a duration"},
                new Object[] {2, new String[] {"--lock-timeout", "1e300", "add", "x"}, "Invalid value for option '--lock-timeout': '1e300'"},
                new Object[] {2, new String[] {"add", "x", "--lock-timeout", "366d"}, "longer than the limit of 365 days"},
                // links and checklists (issue 12)
                new Object[] {3, new String[] {"link", "1", "--after", "999"}, "no card #999"},
                new Object[] {3, new String[] {"link", "999", "--before", "1"}, "no card #999"},
                new Object[] {2, new String[] {"link", "1", "--after", "1"}, "#1 cannot wait for itself"},
                new Object[] {2, new String[] {"link", "1"}, "Missing required argument"},
                new Object[] {2, new String[] {"link", "1", "--after", "1,x"}, "'x' is not a card id"},
                new Object[] {2, new String[] {"link", "1", "--after", "2", "--before", "3"}, "mutually exclusive"},
                new Object[] {3, new String[] {"unlink", "1", "999"}, "no card #999"},
                new Object[] {2, new String[] {"unlink", "1", "1"}, "#1 cannot wait for itself"},
                new Object[] {3, new String[] {"add", "x", "--after", "999"}, "no card #999"},
                new Object[] {2, new String[] {"add", "x", "--after", "0"}, "'0' is not a card id"},
                new Object[] {3, new String[] {"checklist", "add", "999", "x"}, "no card #999"},
                new Object[] {2, new String[] {"checklist", "add", "1", " "}, "a checklist item needs text that is not empty"},
                new Object[] {3, new String[] {"checklist", "done", "1", "1"}, "#1 has no checklist item 1 (its checklist is empty)"},
                new Object[] {3, new String[] {"checklist", "undone", "1", "2"}, "#1 has no checklist item 2"},
                new Object[] {3, new String[] {"checklist", "rm", "1", "5"}, "#1 has no checklist item 5"},
                new Object[] {3, new String[] {"checklist", "reorder", "1", "1", "2"}, "#1 has no checklist item 1"},
                new Object[] {2, new String[] {"checklist", "done", "1", "0"}, "'0' is not a whole number from 1"},
                new Object[] {2, new String[] {"checklist", "reorder", "1", "x", "2"}, "'x' is not a whole number from 1"},
                new Object[] {3, new String[] {"checklist", "ls", "999"}, "no card #999"},
                new Object[] {3, new String[] {"column", "done", "Nope"}, "no column 'Nope'"},
                new Object[] {3, new String[] {"column", "gate", "Nope"}, "no column 'Nope'"},
                new Object[] {2, new String[] {"ls", "--ready", "--blocked"}, "--ready and --blocked exclude each other"},
                new Object[] {2, new String[] {"column", "doing", "Todo", "Todo"}, "a lane's doing column must be another column than Todo"},
                new Object[] {2, new String[] {"column", "doing", "Todo"}, "tack column doing FROM needs DOING (or --off)"},
                new Object[] {2, new String[] {"column", "doing", "Todo", "Doing", "--off"}, "give either DOING or --off, not both"},
                new Object[] {3, new String[] {"column", "doing", "Todo", "Nowhere"}, "no column 'Nowhere'"},
                new Object[] {2, new String[] {"doctor", "--stale", "soon"}, "Invalid value for option '--stale': 'soon' is not a duration"},
                new Object[] {2, new String[] {"doctor", "--failed-runs", "0"}, "'0' is not a whole number from 1"},
                new Object[] {3, new String[] {"doctor", "--lane", "Nowhere"}, "no column 'Nowhere'"},
                new Object[] {2, new String[] {"worker", "--from", "Todo", "--to", "Done", "--exec", "true", "--pause-after", "-1"},
                    "--pause-after must be 0 (never) or more (got -1)"},
                new Object[] {3, new String[] {"restore", "1"}, "#1 is not archived (it is in Todo)"});
    }

    @ParameterizedTest(name = "[{index}] tack {1} -> exit {0}")
    @MethodSource("badArguments")
    void badArgumentsFailCleanlyAndWriteNothing(int exit, String[] args, String message) {
        add("one");
        CliRun.Snapshot before = snapshot();
        CliRun.Result result = tack(args).expectError(exit);
        assertThat(result.err()).contains(message);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(tack("show", "1", "--json").json().getAsJsonObject().get("version").getAsLong()).isEqualTo(1);
    }

    @Test
    void aHardWipLimitIsAConflictThatWritesNothing() {
        tack("column", "wip", "Doing", "1", "--hard").expectOk();
        add("in progress", "-c", "Doing");
        add("waiting");
        CliRun.Snapshot before = snapshot();
        tack("add", "more", "-c", "Doing").expectError(4);
        tack("mv", "2", "Doing").expectError(4);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void debugShowsTheStackTraceAndOnlyThen() {
        CliRun.Result plain = tack("show", "999").expectError(3);
        assertThat(plain.err()).doesNotContain("at dev.tack");

        CliRun.Result debug = tack("show", "999", "--debug");
        assertThat(debug.exit()).isEqualTo(3);
        assertThat(debug.err()).contains("TackException: no card #999").contains("at dev.tack.");
        assertThat(debug.errLines().get(debug.errLines().size() - 1)).isEqualTo("tack: no card #999");

        CliRun.Result debugFirst = tack("--debug", "show", "999");
        assertThat(debugFirst.err()).contains("at dev.tack.");
    }

    // -- helpers ------------------------------------------------------------------------------------

    /** Runs reads and writes on a file that is not a usable board and checks none of them changed it. */
    private CliRun.Result expectUntouched(Path file, int exit, String message) {
        Path dir = file.getParent();
        FileState before = FileState.of(file);
        Set<String> names = names(dir);
        CliRun.Result last = null;
        for (String[] command : List.of(new String[] {"ls"}, new String[] {"add", "x"}, new String[] {"show", "1"},
                new String[] {"column", "add", "X"}, new String[] {"check"}, new String[] {"log"}, new String[] {})) {
            String[] args = Stream.concat(Stream.of("--db", file.toString()), Stream.of(command)).toArray(String[]::new);
            last = CliRun.tack(args).expectError(exit);
            assertThat(last.err()).startsWith("tack: ").contains(message);
        }
        assertThat(FileState.of(file)).isEqualTo(before);
        assertThat(names(dir)).isEqualTo(names);
        return last;
    }

    private static Set<String> names(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Size and modification time, by stat; the file and its -wal (the -shm changes on reads). */
    record FileState(long size, FileTime modified, long walSize, FileTime walModified) {
        static FileState of(Path file) {
            try {
                Path wal = file.resolveSibling(file.getFileName() + "-wal");
                boolean hasWal = Files.exists(wal);
                return new FileState(Files.size(file), Files.getLastModifiedTime(file), hasWal ? Files.size(wal) : -1,
                        hasWal ? Files.getLastModifiedTime(wal) : null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
