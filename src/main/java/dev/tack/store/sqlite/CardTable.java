package dev.tack.store.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import dev.tack.model.Card;

/** SQL for cards and their tags. Positions are maintained by the board rules that call these. */
public final class CardTable {

    /** Tags travel through group_concat with a separator no tag may hold. */
    private static final String TAG_SEPARATOR = "\u001f";

    private static final String SELECT = "SELECT c.id, c.board_id, c.column_id, col.name, c.position, c.title,"
            + " c.description, (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM card_tags t WHERE t.card_id = c.id"
            + " ORDER BY tag)), c.priority, c.due, c.assignee, c.archived, c.version, c.created_at, c.updated_at,"
            + " c.claimed_by, c.claim_host, c.claim_pid, c.lease_until, c.attempts, c.failed"
            + " FROM cards c JOIN columns col ON col.id = c.column_id AND " + ImportTable.visible("c");

    private CardTable() {
    }

    public static Optional<Card> byId(Tx tx, long id) throws SQLException {
        return tx.one(SELECT + " WHERE c.id = ?", CardTable::map, id);
    }

    /** Live cards of a board in board order: column by column, top to bottom. */
    public static List<Card> liveOfBoard(Tx tx, long boardId) throws SQLException {
        return tx.list(SELECT + " WHERE c.board_id = ? AND c.archived = 0 ORDER BY col.position, c.position",
                CardTable::map, boardId);
    }

    public static List<Card> archivedOfBoard(Tx tx, long boardId) throws SQLException {
        return tx.list(SELECT + " WHERE c.board_id = ? AND c.archived = 1 ORDER BY c.id", CardTable::map, boardId);
    }

    /** Due dates are ISO text: the comparison is by date for every four-digit year, and a later one is left out again by the caller. */
    public static List<Card> liveDueBy(Tx tx, LocalDate last) throws SQLException {
        return tx.list(SELECT + " WHERE c.archived = 0 AND c.due IS NOT NULL AND c.due <= ?", CardTable::map, last.toString());
    }

    public static List<Card> liveOfColumn(Tx tx, long columnId) throws SQLException {
        return tx.list(SELECT + " WHERE c.column_id = ? AND c.archived = 0 ORDER BY c.position", CardTable::map, columnId);
    }

    public static long insert(Tx tx, long boardId, long columnId, int position, String title, String description,
                              int priority, LocalDate due, String assignee) throws SQLException {
        String now = tx.now();
        return tx.insert("INSERT INTO cards (board_id, column_id, position, title, description, priority, due, assignee,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                boardId, columnId, position, title, description, priority, due == null ? null : due.toString(),
                assignee, now, now);
    }

    /** Writes every editable field and bumps the version; returns false when {@code expectedVersion} is stale. */
    public static boolean update(Tx tx, Card card, long expectedVersion) throws SQLException {
        int changed = tx.update("UPDATE cards SET title = ?, description = ?, priority = ?, due = ?, assignee = ?,"
                        + " board_id = ?, column_id = ?, position = ?, archived = ?, version = version + 1, updated_at = ?"
                        + " WHERE id = ? AND version = ?",
                card.title(), card.description(), card.priority(), card.due() == null ? null : card.due().toString(),
                card.assignee(), card.boardId(), card.columnId(), card.position(), card.archived() ? 1 : 0, tx.now(), card.id(),
                expectedVersion);
        return changed == 1;
    }

    public static void replaceTags(Tx tx, long cardId, List<String> tags) throws SQLException {
        tx.update("DELETE FROM card_tags WHERE card_id = ?", cardId);
        for (String tag : tags) {
            tx.update("INSERT OR IGNORE INTO card_tags (card_id, tag) VALUES (?, ?)", cardId, tag);
        }
    }

    /** Closes the gap a card leaves at {@code position}. */
    public static void closeGap(Tx tx, long columnId, int position) throws SQLException {
        tx.update("UPDATE cards SET position = position - 1 WHERE column_id = ? AND archived = 0 AND position > ? AND " + ImportTable.visible("cards"),
                columnId, position);
    }

    /** Opens a gap at {@code position} for a card to come in. */
    public static void openGap(Tx tx, long columnId, int position) throws SQLException {
        tx.update("UPDATE cards SET position = position + 1 WHERE column_id = ? AND archived = 0 AND position >= ? AND " + ImportTable.visible("cards"),
                columnId, position);
    }

    /** The first card of a column no worker holds and none is waiting out a back-off on: priority first, then board order. */
    public static Optional<Card> firstClaimable(Tx tx, long columnId, long nowMillis) throws SQLException {
        return tx.one(SELECT + " WHERE c.column_id = ? AND c.archived = 0 AND c.claimed_by IS NULL AND c.failed = 0"
                + " AND (c.not_before IS NULL OR c.not_before <= ?) ORDER BY c.priority DESC, c.position LIMIT 1",
                CardTable::map, columnId, nowMillis);
    }

    /** A page of the cards a worker could take now, in {@link #firstClaimable}'s order. */
    public static List<Card> claimable(Tx tx, long columnId, long nowMillis, int offset, int limit) throws SQLException {
        return tx.list(SELECT + " WHERE c.column_id = ? AND c.archived = 0 AND c.claimed_by IS NULL AND c.failed = 0"
                + " AND (c.not_before IS NULL OR c.not_before <= ?) ORDER BY c.priority DESC, c.position LIMIT ? OFFSET ?",
                CardTable::map, columnId, nowMillis, limit, offset);
    }

    /** Cards of a column that a worker could still take, now or after their back-off. */
    public static long waiting(Tx tx, long columnId) throws SQLException {
        return tx.number("SELECT count(*) FROM cards c WHERE column_id = ? AND archived = 0 AND claimed_by IS NULL AND failed = 0 AND " + ImportTable.visible("c"),
                columnId);
    }

    /** Cards a worker holds in a column, for reclaiming. */
    public static List<Card> claimedIn(Tx tx, long columnId) throws SQLException {
        return tx.list(SELECT + " WHERE c.column_id = ? AND c.claimed_by IS NOT NULL ORDER BY c.id", CardTable::map, columnId);
    }

    /** Compare-and-swap claim: succeeds only while nobody holds the card. Bumps the version and the attempt count. */
    public static boolean claim(Tx tx, long id, Card.Claim claim) throws SQLException {
        return tx.update("UPDATE cards SET claimed_by = ?, claim_host = ?, claim_pid = ?, lease_until = ?,"
                        + " attempts = attempts + 1, not_before = NULL, version = version + 1, updated_at = ?"
                        + " WHERE id = ? AND claimed_by IS NULL",
                claim.worker(), claim.host(), claim.pid(), claim.leaseUntilMillis(), tx.now(), id) == 1;
    }

    /** Extends a lease, fenced: only the holder (same worker name and pid) whose lease has not run out may. */
    public static boolean extendLease(Tx tx, long id, String worker, long pid, long nowMillis, long leaseUntilMillis)
            throws SQLException {
        return tx.update("UPDATE cards SET lease_until = ? WHERE id = ? AND claimed_by = ? AND claim_pid = ? AND lease_until >= ?",
                leaseUntilMillis, id, worker, pid, nowMillis) == 1;
    }

    /** Lets go of a card: no holder; {@code failed} marks it failed; {@code notBefore} delays the next claim. */
    public static void release(Tx tx, long id, boolean failed, Long notBeforeMillis, int attemptsDelta) throws SQLException {
        tx.update("UPDATE cards SET claimed_by = NULL, claim_host = NULL, claim_pid = NULL, lease_until = NULL,"
                        + " failed = ?, not_before = ?, attempts = max(0, attempts + ?), version = version + 1, updated_at = ?"
                        + " WHERE id = ?",
                failed ? 1 : 0, notBeforeMillis, attemptsDelta, tx.now(), id);
    }

    /** Drops a worker's claim without touching attempts or the version (the caller's change bumps it). */
    public static void dropClaim(Tx tx, long id) throws SQLException {
        tx.update("UPDATE cards SET claimed_by = NULL, claim_host = NULL, claim_pid = NULL, lease_until = NULL WHERE id = ?", id);
    }

    /**
     * Makes room below an import's staged cards for the {@code count} live cards at or below
     * {@code from} that came into the column while it ran (published inside the same transaction).
     */
    public static void shiftVisibleDown(Tx tx, long columnId, int from, int count) throws SQLException {
        tx.update("UPDATE cards SET position = position + ? WHERE column_id = ? AND archived = 0 AND position >= ? AND "
                + ImportTable.visible("cards"), count, columnId, from);
    }

    /** Moves an import's staged live cards in a column up by {@code by} places (cards left it while the import ran). */
    public static void shiftStaged(Tx tx, long importId, long columnId, int by) throws SQLException {
        tx.update("UPDATE cards SET position = position + ? WHERE column_id = ? AND archived = 0 AND import_id = ?",
                by, columnId, importId);
    }

    /** Clears a failed mark so a card can be claimed again (a person moved it back, say). */
    public static void clearFailure(Tx tx, long id) throws SQLException {
        tx.update("UPDATE cards SET failed = 0, attempts = 0, not_before = NULL WHERE id = ?", id);
    }

    /** The titles of the given cards, by id (cards that do not exist are left out). */
    public static java.util.Map<Long, String> titles(Tx tx, java.util.Collection<Long> ids) throws SQLException {
        java.util.Map<Long, String> titles = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return titles;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        tx.list("SELECT id, title FROM cards c WHERE " + ImportTable.visible("c") + " AND id IN (" + marks + ")", row -> titles.put(row.getLong(1), row.getString(2)),
                ids.toArray());
        return titles;
    }

    public static long maxId(Tx tx) throws SQLException {
        return tx.number("SELECT coalesce(max(id), 0) FROM cards");
    }

    /**
     * The highest card id ever handed out, removed cards included: AUTOINCREMENT keeps it in
     * {@code sqlite_sequence}, which is why ids are never reused.
     */
    public static long highestIdIssued(Tx tx) throws SQLException {
        return tx.number("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'cards'), 0)");
    }

    /**
     * Moves AUTOINCREMENT's counter past {@code count} ids and returns the first of them. SQLite
     * gives a new row max(counter, highest id) + 1 and writes an explicit id above the counter back
     * into it, so these ids are never handed out again, and inserting them later leaves it alone.
     */
    public static long reserveIds(Tx tx, int count) throws SQLException {
        long first = highestIdIssued(tx) + 1;
        if (tx.update("UPDATE sqlite_sequence SET seq = ? WHERE name = 'cards'", first - 1 + count) == 0) {
            tx.update("INSERT INTO sqlite_sequence (name, seq) VALUES ('cards', ?)", first - 1 + count);
        }
        return first;
    }

    /** Columns whose live positions are not exactly 0..n-1, for {@code tack check}. */
    public static List<String> columnsWithBrokenPositions(Tx tx) throws SQLException {
        return tx.list("SELECT col.name || ' (board ' || b.name || ')' FROM columns col JOIN boards b ON b.id = col.board_id"
                + " WHERE (SELECT count(*) FROM cards c WHERE c.column_id = col.id AND c.archived = 0 AND " + ImportTable.visible("c") + ")"
                + " != (SELECT count(DISTINCT position) FROM cards c WHERE c.column_id = col.id AND c.archived = 0 AND " + ImportTable.visible("c") + ")"
                + " OR (SELECT coalesce(max(position), -1) FROM cards c WHERE c.column_id = col.id AND c.archived = 0 AND " + ImportTable.visible("c") + ")"
                + " != (SELECT count(*) FROM cards c WHERE c.column_id = col.id AND c.archived = 0 AND " + ImportTable.visible("c") + ") - 1"
                + " OR EXISTS (SELECT 1 FROM cards c WHERE c.column_id = col.id AND c.archived = 0 AND " + ImportTable.visible("c") + " AND c.position < 0)",
                row -> row.getString(1));
    }

    /** Cards whose column belongs to another board, for {@code tack check}. */
    public static List<Long> cardsOnForeignColumns(Tx tx) throws SQLException {
        return tx.list("SELECT c.id FROM cards c JOIN columns col ON col.id = c.column_id WHERE col.board_id != c.board_id",
                row -> row.getLong(1));
    }

    static Card map(ResultSet row) throws SQLException {
        String tags = row.getString(8);
        String due = row.getString(10);
        String claimedBy = row.getString(16);
        Card.Claim claim = claimedBy == null ? null
                : new Card.Claim(claimedBy, row.getString(17), row.getLong(18), row.getLong(19));
        return new Card(row.getLong(1), row.getLong(2), row.getLong(3), row.getString(4), row.getInt(5),
                row.getString(6), row.getString(7),
                tags == null ? List.of() : new ArrayList<>(Arrays.asList(tags.split(TAG_SEPARATOR))),
                row.getInt(9), due == null ? null : LocalDate.parse(due), row.getString(11), row.getInt(12) != 0,
                row.getLong(13), row.getString(14), row.getString(15), claim, row.getInt(20), row.getInt(21) != 0);
    }
}
