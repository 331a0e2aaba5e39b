package dev.tack.store.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.tack.model.Card;
import dev.tack.store.CardRows;

/** {@link CardRows} on PostgreSQL: the SQLite engine's CardTable, statement for statement, in PostgreSQL's dialect. */
final class PgCards implements CardRows {

    private static final String TAG_SEPARATOR = "\u001f";

    static final String SELECT = "SELECT c.id, c.board_id, c.column_id, col.name, c.position, c.title, c.description,"
            + " (SELECT string_agg(t.tag, chr(31) ORDER BY t.tag COLLATE \"C\") FROM card_tags t WHERE t.card_id = c.id),"
            + " c.priority, c.due, c.assignee, c.archived, c.version, c.created_at, c.updated_at,"
            + " c.claimed_by, c.claim_host, c.claim_pid, c.lease_until, c.attempts, c.failed"
            + " FROM cards c JOIN columns col ON col.id = c.column_id AND " + PgImports.visible("c");

    private final PgTx tx;

    PgCards(PgTx tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Card> byId(long id) {
        return PgDatabase.sql(() -> tx.one(SELECT + " WHERE c.id = ?", PgCards::map, id));
    }

    @Override
    public List<Card> liveOfBoard(long boardId) {
        return PgDatabase.sql(() -> tx.list(SELECT + " WHERE c.board_id = ? AND c.archived = 0 ORDER BY col.position, c.position",
                PgCards::map, boardId));
    }

    /** Due dates are ISO text, compared by date for every four-digit year (a later one is left out again by the caller). */
    @Override
    public List<Card> liveDueBy(LocalDate last) {
        return PgDatabase.sql(() -> tx.list(SELECT + " WHERE c.archived = 0 AND c.due IS NOT NULL AND c.due <= ?", PgCards::map, last.toString()));
    }

    @Override
    public List<Card> archivedOfBoard(long boardId) {
        return PgDatabase.sql(() -> tx.list(SELECT + " WHERE c.board_id = ? AND c.archived = 1 ORDER BY c.id", PgCards::map, boardId));
    }

    @Override
    public List<Card> liveOfColumn(long columnId) {
        return PgDatabase.sql(() -> tx.list(SELECT + " WHERE c.column_id = ? AND c.archived = 0 ORDER BY c.position", PgCards::map, columnId));
    }

    @Override
    public long insert(long boardId, long columnId, int position, String title, String description, int priority, LocalDate due, String assignee) {
        return PgDatabase.sql(() -> {
            String now = tx.now();
            return tx.insert("INSERT INTO cards (board_id, column_id, position, title, description, priority, due, assignee,"
                    + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    boardId, columnId, position, title, description, priority, due == null ? null : due.toString(), assignee, now, now);
        });
    }

    @Override
    public boolean update(Card card, long expectedVersion) {
        return PgDatabase.sql(() -> tx.update("UPDATE cards SET title = ?, description = ?, priority = ?, due = ?, assignee = ?,"
                        + " board_id = ?, column_id = ?, position = ?, archived = ?, version = version + 1, updated_at = ?"
                        + " WHERE id = ? AND version = ?",
                card.title(), card.description(), card.priority(), card.due() == null ? null : card.due().toString(),
                card.assignee(), card.boardId(), card.columnId(), card.position(), card.archived() ? 1 : 0, tx.now(), card.id(),
                expectedVersion) == 1);
    }

    @Override
    public void replaceTags(long cardId, List<String> tags) {
        PgDatabase.sqlRun(() -> {
            tx.update("DELETE FROM card_tags WHERE card_id = ?", cardId);
            for (String tag : tags) {
                tx.update("INSERT INTO card_tags (card_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING", cardId, tag);
            }
        });
    }

    @Override
    public void closeGap(long columnId, int position) {
        PgDatabase.sqlRun(() -> tx.update("UPDATE cards SET position = position - 1 WHERE column_id = ? AND archived = 0 AND position > ? AND "
                + PgImports.visible("cards"), columnId, position));
    }

    @Override
    public void openGap(long columnId, int position) {
        PgDatabase.sqlRun(() -> tx.update("UPDATE cards SET position = position + 1 WHERE column_id = ? AND archived = 0 AND position >= ? AND "
                + PgImports.visible("cards"), columnId, position));
    }

    @Override
    public Optional<Card> firstClaimable(long columnId, long nowMillis) {
        return PgDatabase.sql(() -> tx.one(SELECT + " WHERE c.column_id = ? AND c.archived = 0 AND c.claimed_by IS NULL AND c.failed = 0"
                + " AND (c.not_before IS NULL OR c.not_before <= ?) ORDER BY c.priority DESC, c.position LIMIT 1",
                PgCards::map, columnId, nowMillis));
    }

    /** A page of the cards a worker could take now, in {@link #firstClaimable}'s order. */
    @Override
    public List<Card> claimable(long columnId, long nowMillis, int offset, int limit) {
        return PgDatabase.sql(() -> tx.list(SELECT + " WHERE c.column_id = ? AND c.archived = 0 AND c.claimed_by IS NULL AND c.failed = 0"
                + " AND (c.not_before IS NULL OR c.not_before <= ?) ORDER BY c.priority DESC, c.position LIMIT ? OFFSET ?",
                PgCards::map, columnId, nowMillis, limit, offset));
    }

    @Override
    public long waiting(long columnId) {
        return PgDatabase.sql(() -> tx.number("SELECT count(*) FROM cards c WHERE column_id = ? AND archived = 0 AND claimed_by IS NULL"
                + " AND failed = 0 AND " + PgImports.visible("c"), columnId));
    }

    @Override
    public List<Card> claimedIn(long columnId) {
        return PgDatabase.sql(() -> tx.list(SELECT + " WHERE c.column_id = ? AND c.claimed_by IS NOT NULL ORDER BY c.id", PgCards::map, columnId));
    }

    @Override
    public boolean claim(long id, Card.Claim claim) {
        return PgDatabase.sql(() -> tx.update("UPDATE cards SET claimed_by = ?, claim_host = ?, claim_pid = ?, lease_until = ?,"
                        + " attempts = attempts + 1, not_before = NULL, version = version + 1, updated_at = ?"
                        + " WHERE id = ? AND claimed_by IS NULL",
                claim.worker(), claim.host(), claim.pid(), claim.leaseUntilMillis(), tx.now(), id) == 1);
    }

    @Override
    public boolean extendLease(long id, String worker, long pid, long nowMillis, long leaseUntilMillis) {
        return PgDatabase.sql(() -> tx.update("UPDATE cards SET lease_until = ? WHERE id = ? AND claimed_by = ? AND claim_pid = ?"
                + " AND lease_until >= ?", leaseUntilMillis, id, worker, pid, nowMillis) == 1);
    }

    @Override
    public void release(long id, boolean failed, Long notBeforeMillis, int attemptsDelta) {
        PgDatabase.sqlRun(() -> tx.update("UPDATE cards SET claimed_by = NULL, claim_host = NULL, claim_pid = NULL, lease_until = NULL,"
                        + " failed = ?, not_before = ?, attempts = greatest(0, attempts + ?), version = version + 1, updated_at = ?"
                        + " WHERE id = ?",
                failed ? 1 : 0, notBeforeMillis, attemptsDelta, tx.now(), id));
    }

    @Override
    public void dropClaim(long id) {
        PgDatabase.sqlRun(() -> tx.update("UPDATE cards SET claimed_by = NULL, claim_host = NULL, claim_pid = NULL, lease_until = NULL"
                + " WHERE id = ?", id));
    }

    @Override
    public void shiftVisibleDown(long columnId, int from, int count) {
        PgDatabase.sqlRun(() -> tx.update("UPDATE cards SET position = position + ? WHERE column_id = ? AND archived = 0 AND position >= ? AND "
                + PgImports.visible("cards"), count, columnId, from));
    }

    @Override
    public void shiftStaged(long importId, long columnId, int by) {
        PgDatabase.sqlRun(() -> tx.update("UPDATE cards SET position = position + ? WHERE column_id = ? AND archived = 0 AND import_id = ?",
                by, columnId, importId));
    }

    @Override
    public void clearFailure(long id) {
        PgDatabase.sqlRun(() -> tx.update("UPDATE cards SET failed = 0, attempts = 0, not_before = NULL WHERE id = ?", id));
    }

    @Override
    public Map<Long, String> titles(Collection<Long> ids) {
        return PgDatabase.sql(() -> {
            Map<Long, String> titles = new HashMap<>();
            if (!ids.isEmpty()) {
                tx.list("SELECT id, title FROM cards c WHERE " + PgImports.visible("c") + " AND id = ANY (?)",
                        row -> titles.put(row.getLong(1), row.getString(2)),
                        tx.connection().createArrayOf("bigint", ids.toArray()));
            }
            return titles;
        });
    }

    @Override
    public long maxId() {
        return PgDatabase.sql(() -> tx.number("SELECT coalesce(max(id), 0) FROM cards"));
    }

    /** The sequence's last value once it has handed one out: rolled-back inserts use ids up too, so none is ever reused. */
    @Override
    public long highestIdIssued() {
        return PgDatabase.sql(() -> highestIdIssued(tx));
    }

    /**
     * Moves the sequence on by {@code count} under the write lock, so the ids an import chose are
     * never handed out by an ordinary insert (nor by another import).
     */
    @Override
    public long reserveIds(int count) {
        return PgDatabase.sql(() -> {
            long first = highestIdIssued(tx) + 1;
            if (count > 0) {
                tx.number("SELECT setval('cards_id_seq', ?)", first - 1 + count);
            }
            return first;
        });
    }

    static long highestIdIssued(PgTx tx) throws SQLException {
        return tx.number("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM cards_id_seq");
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
