package dev.tack.store.sqlite;

import dev.tack.model.TackException;
import java.sql.SQLException;
import java.util.List;

/**
 * The tables, as forward-only migrations. {@code PRAGMA user_version} holds how many have run;
 * they run under the write lock, and a file from a newer tack is refused rather than touched.
 */
public final class Schema {

    /**
     * Events in their own shape, and undo found by an index (docs/ARCHITECTURE.md §7). {@code shape}
     * says how {@code before} and {@code after} read: 1, the {@code --json} card (what schema 1
     * wrote, left as it was), or 2, only the changed fields with the column's id. The undo stacks
     * of each person on each board are linked lists through the events: {@code stack_below} is
     * the node under this one (0 at the bottom, NULL for an event that is no step of undo),
     * {@code stack_other} the top of the other stack after it (0: empty), {@code undoes} the change
     * an undo or redo is about. Old events are linked by {@link EventTable#linkUndoHistory} once,
     * right after this script.
     */
    private static final String UNDO_HISTORY = """
            ALTER TABLE events ADD COLUMN shape INTEGER NOT NULL DEFAULT 1;
            ALTER TABLE events ADD COLUMN undoes INTEGER;
            ALTER TABLE events ADD COLUMN stack_below INTEGER;
            ALTER TABLE events ADD COLUMN stack_other INTEGER;
            CREATE INDEX events_undo ON events (board_id, actor, id) WHERE stack_below IS NOT NULL;
            CREATE INDEX events_by_board ON events (board_id, id);
            """;

    /**
     * Claims made from any process (issue 16, {@code tack claim}): the run of an agent's claim keeps
     * the token that fences its later steps, the column it came from, and what the agent reported.
     */
    static final String AGENT_CLAIMS = """
            ALTER TABLE runs ADD COLUMN token TEXT;
            ALTER TABLE runs ADD COLUMN lane_id INTEGER;
            ALTER TABLE runs ADD COLUMN summary TEXT;
            ALTER TABLE runs ADD COLUMN meta TEXT;
            """;

    /** Each entry takes the schema from version {@code index} to {@code index + 1}. */
    private static final List<String> MIGRATIONS = List.of(
            """
            CREATE TABLE boards (
              id          INTEGER PRIMARY KEY AUTOINCREMENT,
              name        TEXT NOT NULL UNIQUE,
              created_at  TEXT NOT NULL
            );
            CREATE TABLE columns (
              id          INTEGER PRIMARY KEY AUTOINCREMENT,
              board_id    INTEGER NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
              name        TEXT NOT NULL,
              position    INTEGER NOT NULL,
              wip_limit   INTEGER,
              wip_hard    INTEGER NOT NULL DEFAULT 0,
              UNIQUE (board_id, name)
            );
            CREATE TABLE cards (
              id          INTEGER PRIMARY KEY AUTOINCREMENT,
              board_id    INTEGER NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
              column_id   INTEGER NOT NULL REFERENCES columns(id),
              position    INTEGER NOT NULL,
              title       TEXT NOT NULL,
              description TEXT NOT NULL DEFAULT '',
              priority    INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 3),
              due         TEXT,
              assignee    TEXT,
              archived    INTEGER NOT NULL DEFAULT 0,
              version     INTEGER NOT NULL DEFAULT 1,
              created_at  TEXT NOT NULL,
              updated_at  TEXT NOT NULL,
              claimed_by  TEXT,
              claim_host  TEXT,
              claim_pid   INTEGER,
              lease_until INTEGER,
              attempts    INTEGER NOT NULL DEFAULT 0,
              failed      INTEGER NOT NULL DEFAULT 0,
              not_before  INTEGER
            );
            CREATE INDEX cards_by_column ON cards (column_id, archived, position);
            CREATE TABLE card_tags (
              card_id     INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
              tag         TEXT NOT NULL,
              PRIMARY KEY (card_id, tag)
            ) WITHOUT ROWID;
            CREATE TABLE comments (
              id          INTEGER PRIMARY KEY AUTOINCREMENT,
              card_id     INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
              author      TEXT NOT NULL,
              body        TEXT NOT NULL,
              created_at  TEXT NOT NULL
            );
            CREATE INDEX comments_by_card ON comments (card_id);
            CREATE TABLE events (
              id          INTEGER PRIMARY KEY AUTOINCREMENT,
              at          TEXT NOT NULL,
              actor       TEXT NOT NULL,
              host        TEXT NOT NULL,
              pid         INTEGER NOT NULL,
              board_id    INTEGER,
              card_id     INTEGER,
              kind        TEXT NOT NULL,
              summary     TEXT NOT NULL,
              before      TEXT,
              after       TEXT
            );
            CREATE INDEX events_by_card ON events (card_id);
            CREATE TABLE runs (
              id          INTEGER PRIMARY KEY AUTOINCREMENT,
              card_id     INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
              worker      TEXT NOT NULL,
              host        TEXT NOT NULL,
              pid         INTEGER NOT NULL,
              attempt     INTEGER NOT NULL,
              started_at  TEXT NOT NULL,
              finished_at TEXT,
              outcome     TEXT NOT NULL DEFAULT 'running',
              exit_code   INTEGER,
              output_tail TEXT NOT NULL DEFAULT '',
              log_path    TEXT
            );
            CREATE INDEX runs_by_card ON runs (card_id);
            CREATE TABLE presence (
              id          INTEGER PRIMARY KEY AUTOINCREMENT,
              board_id    INTEGER REFERENCES boards(id) ON DELETE CASCADE,
              actor       TEXT NOT NULL,
              host        TEXT NOT NULL,
              pid         INTEGER NOT NULL,
              kind        TEXT NOT NULL,
              seen_at     INTEGER NOT NULL
            );
            """,
            // Imports in progress (docs/ARCHITECTURE.md §4, import): the rows an import stages carry its
            // id and stay out of every query until its row here is deleted, in one short publishing
            // transaction. cards_by_column gains import_id so that counting a column's visible cards
            // still reads the index alone. AUTOINCREMENT: an id is never handed out twice, so a published import's rows
            // (which keep their import_id) can never be hidden again by a later import.
            """
            CREATE TABLE imports (
              id          INTEGER PRIMARY KEY AUTOINCREMENT,
              actor       TEXT NOT NULL,
              host        TEXT NOT NULL,
              pid         INTEGER NOT NULL,
              started_at  TEXT NOT NULL
            );
            ALTER TABLE boards ADD COLUMN import_id INTEGER;
            ALTER TABLE columns ADD COLUMN import_id INTEGER;
            ALTER TABLE cards ADD COLUMN import_id INTEGER;
            ALTER TABLE events ADD COLUMN import_id INTEGER;
            CREATE INDEX cards_by_import ON cards (import_id) WHERE import_id IS NOT NULL;
            DROP INDEX cards_by_column;
            CREATE INDEX cards_by_column ON cards (column_id, archived, position, import_id);
            CREATE INDEX events_by_import ON events (import_id) WHERE import_id IS NOT NULL;
            """,
            RevisionTable.MIGRATION,
            UNDO_HISTORY,
            DependencyTables.MIGRATION, // links between cards, checklists, done and gate columns (issue 12)
            KeyTable.MIGRATION, // idempotency keys of writes (issues 11 and 16)
            HookTable.MIGRATION, // commands run on card events (issue 16)
            AGENT_CLAIMS, // agents' claims: the token, the lane and the report on the run (issue 16)
            DependencyTables.LANE_DOING); // a lane's doing column, for every agent of the board (issue 16)

    public static final int CURRENT_VERSION = MIGRATIONS.size();

    private Schema() {
    }

    /** Brings the schema up to date. Called inside a write transaction, which re-reads the version. */
    static void migrate(Tx tx) throws SQLException {
        int version = tx.userVersion();
        if (version > CURRENT_VERSION) {
            throw newerFile(version);
        }
        for (int next = version; next < CURRENT_VERSION; next++) {
            tx.script(MIGRATIONS.get(next));
            if (next == MIGRATIONS.indexOf(UNDO_HISTORY)) {
                EventTable.linkUndoHistory(tx); // found by content, not number: migrations get renumbered on merges
            }
        }
        if (version != CURRENT_VERSION) {
            tx.setUserVersion(CURRENT_VERSION);
        }
    }

    /** The migration that takes a file from {@code version} to the next (tests make older files with it). */
    static String migration(int version) {
        return MIGRATIONS.get(version);
    }

    static TackException newerFile(int version) {
        return TackException.failed("this database was written by a newer tack (schema " + version
                + ", this tack knows " + CURRENT_VERSION + "); upgrade tack to open it");
    }
}
