package dev.tack.board;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import dev.tack.model.Actor;
import dev.tack.model.BackupContents;
import dev.tack.model.Board;
import dev.tack.model.TackException;
import dev.tack.store.ImportMark;
import dev.tack.store.Storage;
import dev.tack.store.StorageTx;
import dev.tack.store.Storages;
import dev.tack.store.Work;

/**
 * One open board database as seen by one person or worker: the storage, who acts, and which board
 * (by name; null means the only board, or the one named {@code main}, or else the oldest). Every
 * operation of the board layer runs through {@link #write} (one transaction, one event) or
 * {@link #read}; the front doors reach everything else they need of the database (its location,
 * checks, change feed, the write lock's state, its own files) through this class, never the
 * storage itself (docs/ARCHITECTURE.md §1).
 */
public final class Workspace implements AutoCloseable {

    public static final String DEFAULT_BOARD = "main";
    public static final Duration DEFAULT_LOCK_DEADLINE = Storage.DEFAULT_LOCK_DEADLINE;

    /** How a database may be opened: created when missing, {@code synchronous=FULL}, how long a write waits for the lock. */
    public record Options(boolean create, boolean fullSync, Duration lockDeadline) {
        public static Options defaults() {
            return new Options(false, false, DEFAULT_LOCK_DEADLINE);
        }

        public Options creating(boolean allowCreate) {
            return new Options(allowCreate, fullSync, lockDeadline);
        }
    }

    private final Storage storage;
    private final Actor actor;
    private final String boardName;
    /** Set when the workspace follows one board by id (a screen), whatever it is renamed to. */
    private final Long boardId;
    /** Set on the workspace of one keyed write ({@link Idempotency}): its write checks and records the key. */
    private final Idempotency.Keyed key;
    /** Where failed hooks are reported; shared by every view of this database ({@link #as}, {@link #onBoard}). */
    private final HookLog hookLog;

    /** The one sink of a workspace's hook reports, set by the front door that opened it. */
    private static final class HookLog {
        private volatile java.util.function.Consumer<String> sink = line -> { };
    }

    private Workspace(Storage storage, Actor actor, String boardName, Long boardId, HookLog hookLog) {
        this(storage, actor, boardName, boardId, hookLog, null);
    }

    public Workspace(Storage storage, Actor actor, String boardName) {
        this(storage, actor, boardName, null, new HookLog());
    }

    private Workspace(Storage storage, Actor actor, String boardName, Long boardId, HookLog hookLog, Idempotency.Keyed key) {
        this.storage = storage;
        this.actor = actor;
        this.boardName = boardName == null || boardName.isBlank() ? null : boardName;
        this.boardId = boardId;
        this.key = key;
        this.hookLog = hookLog;
    }

    /** The same workspace for one write named by {@code key} (see {@link Idempotency#once}). */
    Workspace keyed(Idempotency.Keyed keyed) {
        return new Workspace(storage, actor, boardName, boardId, hookLog, keyed);
    }

    /**
     * Where this process says that a hook failed, timed out or could not start (one line each): the
     * command line's standard error, the worker's log. Hooks never fail the write they follow.
     */
    public void logHooksTo(java.util.function.Consumer<String> sink) {
        hookLog.sink = sink;
    }

    java.util.function.Consumer<String> hookLog() {
        return hookLog.sink;
    }

    /**
     * Opens the database at {@code location} (a board file's path); one that is created here gets
     * a board {@code main} with {@code firstColumns} (null: Todo, Doing, Done) in the creating
     * transaction. The storage engine is chosen by the location ({@link Storages}).
     */
    public static Workspace open(String location, Options options, Actor actor, String boardName, List<String> firstColumns) {
        List<String> columns = firstColumns == null ? Boards.DEFAULT_COLUMNS : firstColumns;
        Storage storage = Storages.open(location, new Storage.Options(options.create(), options.fullSync(), options.lockDeadline()),
                tx -> Boards.create(tx, actor, DEFAULT_BOARD, columns));
        return new Workspace(storage, actor, boardName);
    }

    /** True when {@code location} names a database on a PostgreSQL server (a {@code postgresql://} URL), not a board file. */
    public static boolean isServer(String location) {
        return location != null && Storages.isServer(location);
    }

    /** A server URL as tack shows it: never with a password. */
    public static String displayed(String location) {
        return Storages.displayed(location);
    }

    /** Whether the server database {@code location} names already holds tack's tables. */
    public static boolean serverDatabaseExists(String location) {
        return Storages.serverDatabaseExists(location);
    }

    /** The storage, for tests of the board layer; front doors use this class's own methods. */
    Storage storage() {
        return storage;
    }

    public Actor actor() {
        return actor;
    }

    /** The same database and board, acting as {@code who} (a worker signs its events with its own name). */
    public Workspace as(Actor who) {
        return new Workspace(storage, who, boardName, boardId, hookLog);
    }

    /** The board name asked for, or null when the default applies. */
    public String requestedBoard() {
        return boardName;
    }

    public Workspace onBoard(String name) {
        return new Workspace(storage, actor, name, null, hookLog);
    }

    /**
     * The same board from now on by its id, not its name: a screen keeps its board when anyone
     * renames it (docs/ARCHITECTURE.md §3 follows the selection by id; the board too).
     */
    public Workspace pinnedTo(Board board) {
        return new Workspace(storage, actor, board.name(), board.id(), hookLog);
    }

    public boolean pinned() {
        return boardId != null;
    }

    public <T> T write(Work<T> work) {
        if (key != null) {
            return key.write(this, work, storage::writeTransaction);
        }
        return storage.writeTransaction(work);
    }

    public <T> T read(Work<T> work) {
        return storage.readTransaction(work);
    }

    /** The program's one clock for what is stored and compared: timestamps, leases, back-offs, presence. */
    public java.time.Clock clock() {
        return storage.clock();
    }

    /** What names the database (a board file's path): shown to people, and handed to a worker's job as {@code TACK_DB}. */
    public String location() {
        return storage.location();
    }

    public boolean readOnly() {
        return storage.readOnly();
    }

    /** Why this process must stop using the database (its file deleted, moved or replaced), or empty. One stat. */
    public Optional<String> fileProblem() {
        return storage.fileProblem();
    }

    /** What opening the database did or found that the person should know, one line each. */
    public List<String> notices() {
        return storage.notices();
    }

    /** The storage's own checks, the schema and tack's invariants ({@code tack check}); empty when sound. */
    public List<String> integrityProblems() {
        return storage.integrityProblems();
    }

    /** Who a write of this process waits for at this instant, or null. */
    public String writeWaitingFor() {
        return storage.writeWaitingFor();
    }

    /** Names this process to writers that give up waiting while it holds the lock. */
    public void describeHolder(String who) {
        storage.describeHolder(who);
    }

    /** Makes this process's later writes background ones, letting waiting people go first. */
    public void yieldToPeople() {
        storage.yieldToPeople();
    }

    /** True when {@code candidate} is (or would be) one of the database's own files, which Java I/O must never touch. */
    public boolean isOwnFile(Path candidate) {
        return storage.isOwnFile(candidate);
    }

    /** Inside a write: marks import {@code importId} as run by this live process (see {@link StagedImport}). */
    ImportMark markImport(long importId) {
        return storage.markImport(importId);
    }

    /** Inside a write: whether a live process still runs import {@code importId}. */
    boolean importAlive(long importId) {
        return storage.importAlive(importId);
    }

    /** See {@link Backups}. */
    BackupContents backupTo(Path target) {
        return storage.backupTo(target);
    }

    BackupContents inspectBackup(Path backup) {
        return storage.inspectBackup(backup);
    }

    BackupContents restoreFrom(Path source) {
        return storage.restoreFrom(source);
    }

    /** Where this database's run logs go ({@code <db file>.runs/}). */
    /** This process's mark of life for its whole run (a worker's; {@code store.AliveMark}): its actor's host and pid. */
    public dev.tack.model.AliveMark markAlive() {
        return storage.markAlive(actor.host(), actor.pid());
    }

    public Path runsFolder() {
        return storage.runsFolder();
    }

    /** A change feed on a connection of its own, starting after {@code afterEventId}. */
    public Changes changes(long afterEventId) {
        return new Changes(storage.changeFeed(afterEventId));
    }

    /** Resolves the board inside a transaction, so a rename by another process is seen. */
    public Board board(StorageTx tx) {
        if (boardId != null) {
            return tx.boards().byId(boardId)
                    .orElseThrow(() -> TackException.notFound("the board '" + boardName + "' was removed"));
        }
        if (boardName != null) {
            return tx.boards().byName(boardName)
                    .orElseThrow(() -> TackException.notFound("no board named '" + boardName + "'"));
        }
        List<Board> boards = tx.boards().all();
        if (boards.size() == 1) {
            return boards.get(0);
        }
        if (boards.isEmpty()) {
            throw TackException.notFound("this database has no boards (add one with: tack board add NAME)");
        }
        return defaultOf(boards);
    }

    /**
     * The board a command without {@code --board} uses: the only one, else the one named
     * {@code main}, else the oldest (the one the file was made with, usually {@code main} renamed).
     * Read from the file alone, so every user and every script gets the same board.
     */
    public static Board defaultOf(List<Board> boardsInIdOrder) {
        Optional<Board> main = boardsInIdOrder.stream().filter(b -> b.name().equals(DEFAULT_BOARD)).findFirst();
        return main.orElse(boardsInIdOrder.get(0));
    }

    @Override
    public void close() {
        storage.close();
    }
}
