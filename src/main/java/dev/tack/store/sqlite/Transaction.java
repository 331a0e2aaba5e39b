package dev.tack.store.sqlite;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import dev.tack.model.Actor;
import dev.tack.model.Board;
import dev.tack.model.Card;
import dev.tack.model.Column;
import dev.tack.model.Comment;
import dev.tack.model.Event;
import dev.tack.model.Heartbeat;
import dev.tack.model.Run;
import dev.tack.store.BoardRows;
import dev.tack.store.CardRows;
import dev.tack.store.ChecklistRows;
import dev.tack.store.ColumnRuleRows;
import dev.tack.store.LinkRows;
import dev.tack.model.CardLink;
import dev.tack.model.ChecklistItem;
import dev.tack.model.ColumnRule;
import dev.tack.store.ColumnRows;
import dev.tack.store.CommentRows;
import dev.tack.store.EventRows;
import dev.tack.store.EventRows.Link;
import dev.tack.store.EventRows.Step;
import dev.tack.store.HookRows;
import dev.tack.store.ImportRows;
import dev.tack.store.KeyRows;
import dev.tack.store.TableRows;
import dev.tack.store.PresenceRows;
import dev.tack.store.RunRows;
import dev.tack.store.StorageTx;
import dev.tack.store.Work;

/**
 * The SQLite engine's {@link StorageTx}: each typed method is one of the table classes' SQL
 * ({@link CardTable} and the rest) on this transaction's {@link Tx}.
 */
final class Transaction implements StorageTx {

    private final Tx tx;
    private final BoardRows boards = new SqliteBoardRows();
    private final ColumnRows columns = new SqliteColumnRows();
    private final CardRows cards = new SqliteCardRows();
    private final CommentRows comments = new SqliteCommentRows();
    private final EventRows events = new SqliteEventRows();
    private final RunRows runs = new SqliteRunRows();
    private final PresenceRows presence = new SqlitePresenceRows();
    private final ImportRows imports = new SqliteImportRows();
    private final LinkRows links = new SqliteLinkRows();
    private final ChecklistRows checklists = new SqliteChecklistRows();
    private final ColumnRuleRows columnRules = new SqliteColumnRuleRows();
    private final KeyRows keys = new SqliteKeyRows();
    private final HookRows hooks = new SqliteHookRows();

    Transaction(Tx tx) {
        this.tx = tx;
    }

    /** Runs board {@code work} on {@code tx}, handing an SQL failure back as the checked exception it was. */
    static <T> T run(Tx tx, Work<T> work) throws SQLException {
        try {
            return work.apply(new Transaction(tx));
        } catch (Sql.Failure failure) {
            throw failure.sql();
        }
    }

    @Override
    public BoardRows boards() {
        return boards;
    }

    @Override
    public ColumnRows columns() {
        return columns;
    }

    @Override
    public CardRows cards() {
        return cards;
    }

    @Override
    public CommentRows comments() {
        return comments;
    }

    @Override
    public EventRows events() {
        return events;
    }

    @Override
    public RunRows runs() {
        return runs;
    }

    @Override
    public PresenceRows presence() {
        return presence;
    }

    @Override
    public ImportRows imports() {
        return imports;
    }

    @Override
    public LinkRows links() {
        return links;
    }

    @Override
    public ChecklistRows checklists() {
        return checklists;
    }

    @Override
    public ColumnRuleRows columnRules() {
        return columnRules;
    }

    @Override
    public HookRows hooks() {
        return hooks;
    }

    /** {@link HookRows} on this transaction. */
    private final class SqliteHookRows implements HookRows {
        @Override
        public long insert(long boardId, String event, Long columnId, String command, long timeoutMillis, String createdBy) {
            return Sql.call(() -> HookTable.insert(tx, boardId, event, columnId, command, timeoutMillis, createdBy));
        }

        @Override
        public List<dev.tack.model.Hook> ofBoard(long boardId) {
            return Sql.call(() -> HookTable.ofBoard(tx, boardId));
        }

        @Override
        public List<dev.tack.model.Hook> ofBoard(long boardId, String event) {
            return Sql.call(() -> HookTable.ofBoard(tx, boardId, event));
        }

        @Override
        public Optional<dev.tack.model.Hook> byId(long id) {
            return Sql.call(() -> HookTable.byId(tx, id));
        }

        @Override
        public boolean delete(long id) {
            return Sql.call(() -> HookTable.delete(tx, id));
        }
    }

    /** {@link LinkRows} on this transaction. */
    private final class SqliteLinkRows implements LinkRows {
        @Override
        public boolean add(long cardId, long waitsFor) {
            return Sql.call(() -> DependencyTables.addLink(tx, cardId, waitsFor));
        }

        @Override
        public boolean remove(long cardId, long waitsFor) {
            return Sql.call(() -> DependencyTables.removeLink(tx, cardId, waitsFor));
        }

        @Override
        public List<Long> waitsFor(long cardId) {
            return Sql.call(() -> DependencyTables.waitsFor(tx, cardId));
        }

        @Override
        public List<Long> blocks(long cardId) {
            return Sql.call(() -> DependencyTables.blocks(tx, cardId));
        }

        @Override
        public List<CardLink> ofBoard(long boardId) {
            return Sql.call(() -> DependencyTables.linksOfBoard(tx, boardId));
        }
    }

    /** {@link ChecklistRows} on this transaction. */
    private final class SqliteChecklistRows implements ChecklistRows {
        @Override
        public List<ChecklistItem> ofCard(long cardId) {
            return Sql.call(() -> DependencyTables.itemsOf(tx, cardId));
        }

        @Override
        public long insert(long cardId, int position, String text, boolean done) {
            return Sql.call(() -> DependencyTables.insertItem(tx, cardId, position, text, done));
        }

        @Override
        public void setDone(long itemId, boolean done) {
            Sql.run(() -> DependencyTables.setItemDone(tx, itemId, done));
        }

        @Override
        public void setPosition(long itemId, int position) {
            Sql.run(() -> DependencyTables.setItemPosition(tx, itemId, position));
        }

        @Override
        public void delete(long itemId) {
            Sql.run(() -> DependencyTables.deleteItem(tx, itemId));
        }

        @Override
        public java.util.Map<Long, dev.tack.model.ChecklistProgress> progressOfBoard(long boardId) {
            return Sql.call(() -> DependencyTables.progressOfBoard(tx, boardId));
        }
    }

    /** {@link ColumnRuleRows} on this transaction. */
    private final class SqliteColumnRuleRows implements ColumnRuleRows {
        @Override
        public List<ColumnRule> ofBoard(long boardId) {
            return Sql.call(() -> DependencyTables.rulesOfBoard(tx, boardId));
        }

        @Override
        public void set(ColumnRule rule) {
            Sql.run(() -> DependencyTables.setRule(tx, rule));
        }
    }

    /** {@link BoardRows} on this transaction. */
    private final class SqliteBoardRows implements BoardRows {
        @Override
        public List<Board> all() {
            return Sql.call(() -> BoardTable.all(tx));
        }

        @Override
        public Optional<Board> byName(String name) {
            return Sql.call(() -> BoardTable.byName(tx, name));
        }

        @Override
        public Optional<Board> byId(long id) {
            return Sql.call(() -> BoardTable.byId(tx, id));
        }

        @Override
        public long insert(String name) {
            return Sql.call(() -> BoardTable.insert(tx, name));
        }

        @Override
        public long insertStaged(String name, long importId) {
            return Sql.call(() -> BoardTable.insertStaged(tx, name, importId));
        }

        @Override
        public void rename(long id, String name) {
            Sql.run(() -> BoardTable.rename(tx, id, name));
        }

        @Override
        public void delete(long id) {
            Sql.run(() -> BoardTable.delete(tx, id));
        }
    }

    /** {@link CardRows} on this transaction. */
    private final class SqliteCardRows implements CardRows {
        @Override
        public Optional<Card> byId(long id) {
            return Sql.call(() -> CardTable.byId(tx, id));
        }

        @Override
        public List<Card> liveOfBoard(long boardId) {
            return Sql.call(() -> CardTable.liveOfBoard(tx, boardId));
        }

        @Override
        public List<Card> archivedOfBoard(long boardId) {
            return Sql.call(() -> CardTable.archivedOfBoard(tx, boardId));
        }

        @Override
        public List<Card> liveDueBy(LocalDate last) {
            return Sql.call(() -> CardTable.liveDueBy(tx, last));
        }

        @Override
        public List<Card> liveOfColumn(long columnId) {
            return Sql.call(() -> CardTable.liveOfColumn(tx, columnId));
        }

        @Override
        public long insert(long boardId, long columnId, int position, String title, String description, int priority, LocalDate due, String assignee) {
            return Sql.call(() -> CardTable.insert(tx, boardId, columnId, position, title, description, priority, due, assignee));
        }

        @Override
        public boolean update(Card card, long expectedVersion) {
            return Sql.call(() -> CardTable.update(tx, card, expectedVersion));
        }

        @Override
        public void replaceTags(long cardId, List<String> tags) {
            Sql.run(() -> CardTable.replaceTags(tx, cardId, tags));
        }

        @Override
        public void closeGap(long columnId, int position) {
            Sql.run(() -> CardTable.closeGap(tx, columnId, position));
        }

        @Override
        public void openGap(long columnId, int position) {
            Sql.run(() -> CardTable.openGap(tx, columnId, position));
        }

        @Override
        public Optional<Card> firstClaimable(long columnId, long nowMillis) {
            return Sql.call(() -> CardTable.firstClaimable(tx, columnId, nowMillis));
        }

        @Override
        public List<Card> claimable(long columnId, long nowMillis, int offset, int limit) {
            return Sql.call(() -> CardTable.claimable(tx, columnId, nowMillis, offset, limit));
        }

        @Override
        public long waiting(long columnId) {
            return Sql.call(() -> CardTable.waiting(tx, columnId));
        }

        @Override
        public List<Card> claimedIn(long columnId) {
            return Sql.call(() -> CardTable.claimedIn(tx, columnId));
        }

        @Override
        public boolean claim(long id, Card.Claim claim) {
            return Sql.call(() -> CardTable.claim(tx, id, claim));
        }

        @Override
        public boolean extendLease(long id, String worker, long pid, long nowMillis, long leaseUntilMillis) {
            return Sql.call(() -> CardTable.extendLease(tx, id, worker, pid, nowMillis, leaseUntilMillis));
        }

        @Override
        public void release(long id, boolean failed, Long notBeforeMillis, int attemptsDelta) {
            Sql.run(() -> CardTable.release(tx, id, failed, notBeforeMillis, attemptsDelta));
        }

        @Override
        public void dropClaim(long id) {
            Sql.run(() -> CardTable.dropClaim(tx, id));
        }

        @Override
        public void shiftVisibleDown(long columnId, int from, int count) {
            Sql.run(() -> CardTable.shiftVisibleDown(tx, columnId, from, count));
        }

        @Override
        public void shiftStaged(long importId, long columnId, int by) {
            Sql.run(() -> CardTable.shiftStaged(tx, importId, columnId, by));
        }

        @Override
        public void clearFailure(long id) {
            Sql.run(() -> CardTable.clearFailure(tx, id));
        }

        @Override
        public java.util.Map<Long, String> titles(java.util.Collection<Long> ids) {
            return Sql.call(() -> CardTable.titles(tx, ids));
        }

        @Override
        public long maxId() {
            return Sql.call(() -> CardTable.maxId(tx));
        }

        @Override
        public long highestIdIssued() {
            return Sql.call(() -> CardTable.highestIdIssued(tx));
        }

        @Override
        public long reserveIds(int count) {
            return Sql.call(() -> CardTable.reserveIds(tx, count));
        }
    }

    /** {@link ColumnRows} on this transaction. */
    private final class SqliteColumnRows implements ColumnRows {
        @Override
        public List<Column> ofBoard(long boardId) {
            return Sql.call(() -> ColumnTable.ofBoard(tx, boardId));
        }

        @Override
        public Optional<Column> byName(long boardId, String name) {
            return Sql.call(() -> ColumnTable.byName(tx, boardId, name));
        }

        @Override
        public long insert(long boardId, String name, int position, Integer wipLimit, boolean hard) {
            return Sql.call(() -> ColumnTable.insert(tx, boardId, name, position, wipLimit, hard));
        }

        @Override
        public long insertStaged(long boardId, String name, int position, Integer wipLimit, boolean hard, long importId) {
            return Sql.call(() -> ColumnTable.insertStaged(tx, boardId, name, position, wipLimit, hard, importId));
        }

        @Override
        public void update(Column column) {
            Sql.run(() -> ColumnTable.update(tx, column));
        }

        @Override
        public void delete(long id) {
            Sql.run(() -> ColumnTable.delete(tx, id));
        }

        @Override
        public int cardCount(long columnId) {
            return Sql.call(() -> ColumnTable.cardCount(tx, columnId));
        }

        @Override
        public int anyCardCount(long columnId) {
            return Sql.call(() -> ColumnTable.anyCardCount(tx, columnId));
        }
    }

    /** {@link CommentRows} on this transaction. */
    private final class SqliteCommentRows implements CommentRows {
        @Override
        public long insert(long cardId, String author, String body) {
            return Sql.call(() -> CommentTable.insert(tx, cardId, author, body));
        }

        @Override
        public long insert(long cardId, String author, String body, String createdAt) {
            return Sql.call(() -> CommentTable.insert(tx, cardId, author, body, createdAt));
        }

        @Override
        public List<Comment> ofCard(long cardId) {
            return Sql.call(() -> CommentTable.ofCard(tx, cardId));
        }

        @Override
        public java.util.Map<Long, Integer> countsOfBoard(long boardId) {
            return Sql.call(() -> CommentTable.countsOfBoard(tx, boardId));
        }

        @Override
        public int countOfCard(long cardId) {
            return Sql.call(() -> CommentTable.countOfCard(tx, cardId));
        }
    }

    /** {@link EventRows} on this transaction. */
    private final class SqliteEventRows implements EventRows {
        @Override
        public long append(Actor actor, Long boardId, Long cardId, String kind, String summary, String before, String after) {
            return Sql.call(() -> EventTable.append(tx, actor, boardId, cardId, kind, summary, before, after));
        }

        @Override
        public long append(Actor actor, Long boardId, Long cardId, String kind, String summary, String before, String after, Link link) {
            return Sql.call(() -> EventTable.append(tx, actor, boardId, cardId, kind, summary, before, after, link));
        }

        @Override
        public void appendQuietly(Actor actor, Long boardId, Long cardId, String kind, String summary, String before, String after, String at) {
            Sql.run(() -> EventTable.appendQuietly(tx, actor, boardId, cardId, kind, summary, before, after, at));
        }

        @Override
        public List<Event> after(long afterId, int limit) {
            return Sql.call(() -> EventTable.after(tx, afterId, limit));
        }

        @Override
        public List<Event> after(Long boardId, long afterId, int limit) {
            return Sql.call(() -> EventTable.after(tx, boardId, afterId, limit));
        }

        @Override
        public long idBeforeLast(Long boardId, int count) {
            return Sql.call(() -> EventTable.idBeforeLast(tx, boardId, count));
        }

        @Override
        public List<Event> ofCard(long cardId) {
            return Sql.call(() -> EventTable.ofCard(tx, cardId));
        }

        @Override
        public java.util.Optional<Step> lastStep(long boardId, String actor) {
            return Sql.call(() -> EventTable.lastStep(tx, boardId, actor));
        }

        @Override
        public java.util.Optional<Step> step(long id) {
            return Sql.call(() -> EventTable.step(tx, id));
        }

        @Override
        public List<String> columnRenamesAfter(long boardId, long afterId) {
            return Sql.call(() -> EventTable.columnRenamesAfter(tx, boardId, afterId));
        }

        @Override
        public java.util.Optional<Event> lastOfCard(long cardId) {
            return Sql.call(() -> EventTable.lastOfCard(tx, cardId));
        }

        @Override
        public java.util.Optional<Event> byId(long id) {
            return Sql.call(() -> EventTable.byId(tx, id));
        }

        @Override
        public long lastId() {
            return Sql.call(() -> EventTable.lastId(tx));
        }

        @Override
        public long count() {
            return Sql.call(() -> EventTable.count(tx));
        }
    }

    /** {@link RunRows} on this transaction. */
    private final class SqliteRunRows implements RunRows {
        @Override
        public List<Run> ofCard(long cardId) {
            return Sql.call(() -> RunTable.ofCard(tx, cardId));
        }

        @Override
        public List<Run> recent(boolean activeOnly, int limit) {
            return Sql.call(() -> RunTable.recent(tx, activeOnly, limit));
        }

        @Override
        public long start(long cardId, String worker, String host, long pid, int attempt, String logFolder) {
            return Sql.call(() -> RunTable.start(tx, cardId, worker, host, pid, attempt, logFolder));
        }

        @Override
        public void finish(long runId, String outcome, Integer exitCode, String outputTail) {
            Sql.run(() -> RunTable.finish(tx, runId, outcome, exitCode, outputTail));
        }

        @Override
        public int cancelRunning(long cardId) {
            return Sql.call(() -> RunTable.cancelRunning(tx, cardId));
        }

        @Override
        public void updateTail(long runId, String outputTail) {
            Sql.run(() -> RunTable.updateTail(tx, runId, outputTail));
        }

        @Override
        public java.util.Optional<Run> byId(long id) {
            return Sql.call(() -> RunTable.byId(tx, id));
        }

        @Override
        public List<Run> running() {
            return Sql.call(() -> RunTable.running(tx));
        }

        @Override
        public void markClaim(long runId, String token, long laneId) {
            Sql.run(() -> RunTable.markClaim(tx, runId, token, laneId));
        }

        @Override
        public java.util.Optional<Run> withToken(long cardId, String token) {
            return Sql.call(() -> RunTable.withToken(tx, cardId, token));
        }

        @Override
        public void report(long runId, String summary, String meta) {
            Sql.run(() -> RunTable.report(tx, runId, summary, meta));
        }
    }

    /** {@link PresenceRows} on this transaction. */
    private final class SqlitePresenceRows implements PresenceRows {
        @Override
        public long beat(Long rowId, Long boardId, Actor actor, String kind, long nowMillis) {
            return Sql.call(() -> PresenceTable.beat(tx, rowId, boardId, actor, kind, nowMillis));
        }

        @Override
        public List<Heartbeat> live(long boardId, long sinceMillis) {
            return Sql.call(() -> PresenceTable.live(tx, boardId, sinceMillis));
        }

        @Override
        public void remove(long rowId) {
            Sql.run(() -> PresenceTable.remove(tx, rowId));
        }

        @Override
        public int prune(long beforeMillis) {
            return Sql.call(() -> PresenceTable.prune(tx, beforeMillis));
        }
    }

    /** {@link ImportRows} on this transaction. */
    private final class SqliteImportRows implements ImportRows {
        @Override
        public long begin(Actor actor) {
            return Sql.call(() -> ImportTable.begin(tx, actor));
        }

        @Override
        public List<Pending> all() {
            return Sql.call(() -> ImportTable.all(tx));
        }

        @Override
        public void stage(long importId, long boardId, Actor actor, List<StagedCard> cards) {
            Sql.run(() -> ImportTable.stage(tx, importId, boardId, actor, cards));
        }

        @Override
        public boolean exists(long id) {
            return Sql.call(() -> ImportTable.exists(tx, id));
        }

        @Override
        public void publish(long id) {
            Sql.run(() -> ImportTable.publish(tx, id));
        }

        @Override
        public long stagedCards(long id) {
            return Sql.call(() -> ImportTable.stagedCards(tx, id));
        }

        @Override
        public int deleteSome(long id, int limit) {
            return Sql.call(() -> ImportTable.deleteSome(tx, id, limit));
        }
    }

    @Override
    public KeyRows keys() {
        return keys;
    }

    @Override
    public TableRows tables() {
        return new SqliteTables(tx);
    }

    /** {@link KeyRows} on this transaction. */
    private final class SqliteKeyRows implements KeyRows {
        @Override
        public Optional<UsedKey> find(String key, long nowMillis) {
            return Sql.call(() -> KeyTable.find(tx, key, nowMillis));
        }

        @Override
        public void record(String key, String fingerprint, String result, long nowMillis) {
            Sql.run(() -> KeyTable.record(tx, key, fingerprint, result, nowMillis));
        }
    }
}
