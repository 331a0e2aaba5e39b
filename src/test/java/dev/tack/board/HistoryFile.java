package dev.tack.board;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import dev.tack.model.Actor;
import dev.tack.model.Board;
import dev.tack.model.Card;
import dev.tack.model.Column;
import dev.tack.store.sqlite.Database;

/**
 * Makes a board file with a long history for {@code bench/history.sh}: {@code EVENTS} events, a
 * tenth as many cards (half of them archived) over 5 boards, five people. The file is created and
 * its boards added through tack itself; the cards and events are then written in one transaction
 * of plain SQL (the board layer would take half an hour for a million), each event in tack's own
 * shape ({@link CardChange#of}) with its undo links, as {@link History} writes them. Last, each
 * board gets one real move by alice through {@link Cards} (the bottom card of Todo to the
 * bottom of Doing), so that {@code tack undo} and
 * {@code redo} act on cards whose state matches their events.
 *
 * <p>Prints the on-disk bytes per move event: the growth of the file (page count × page size,
 * after a checkpoint) while the moves were written, divided by their number, so the events table
 * and all three of its indexes count.
 *
 * <p>Usage: {@code HistoryFile DB EVENTS}
 */
public final class HistoryFile {

    private static final String[] PEOPLE = {"alice", "bob", "carol", "dan", "erin"};
    private static final int BOARDS = 5;

    private HistoryFile() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        int events = Integer.parseInt(args[1]);
        int cards = events / 10;
        Actor seed = new Actor("alice", "benchhost", 4242);
        List<Board> boards = new ArrayList<>();
        try (Database database = Database.open(db, Database.Options.defaults().creating(true),
                tx -> Boards.create(tx, seed, "main", Boards.DEFAULT_COLUMNS))) {
            Workspace workspace = new Workspace(database, seed, null);
            boards.add(new Boards(workspace).list().get(0));
            for (int b = 1; b < BOARDS; b++) {
                boards.add(new Boards(workspace).add("board" + b, null));
            }
        }
        long start = System.nanoTime();
        double bytesPerMove;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            bytesPerMove = fill(connection, boards, cards, events);
        }
        try (Database database = Database.open(db, Database.Options.defaults(), null)) {
            for (Board board : boards) {
                Workspace alice = new Workspace(database, new Actor("alice", "benchhost", 4243), board.name());
                // the bottom card of Todo to the bottom of Doing, as tack mv does: undoing it renumbers no other card
                List<Card> todo = new Queries(alice).board(CardFilter.ALL).lanes().get(0).cards();
                new Cards(alice).move(todo.get(todo.size() - 1).id(), "Doing", null, null);
            }
            long total = database.read(dev.tack.store.sqlite.EventTable::count);
            System.out.printf(Locale.ROOT, "%s: %,d events, %,d cards (half archived) on %d boards, made in %.1f s;"
                    + " %.0f bytes on disk per move event%n", db.getFileName(), total, cards, BOARDS,
                    (System.nanoTime() - start) / 1e9, bytesPerMove);
        }
    }

    /** Writes the cards with their adds, then moves until there are {@code events} events; returns the bytes per move. */
    private static double fill(Connection connection, List<Board> boards, int cards, int events) throws SQLException {
        Random random = new Random(42);
        Map<Long, List<Column>> columns = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (Board board : boards) {
                List<Column> list = new ArrayList<>();
                try (ResultSet row = statement.executeQuery("SELECT id, name, position FROM columns WHERE board_id = "
                        + board.id() + " ORDER BY position")) {
                    while (row.next()) {
                        list.add(new Column(row.getLong(1), board.id(), row.getString(2), row.getInt(3), null, false));
                    }
                }
                columns.put(board.id(), list);
            }
        }
        long nextEvent;
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT max(id) FROM events")) {
            row.next();
            nextEvent = row.getLong(1) + 1;
        }
        Map<String, Long> tops = new HashMap<>(); // person and board -> their latest step of undo
        String at = "2026-12-01T12:00:00.000Z";
        connection.setAutoCommit(false);
        List<Card> live = new ArrayList<>();
        Map<Long, Integer> fill = new HashMap<>();
        try (PreparedStatement card = connection.prepareStatement("INSERT INTO cards (id, board_id, column_id, position, title,"
                + " description, priority, archived, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement event = connection.prepareStatement("INSERT INTO events (id, at, actor, host, pid, board_id, card_id,"
                     + " kind, summary, before, after, shape, undoes, stack_below, stack_other)"
                     + " VALUES (?, ?, ?, 'benchhost', ?, ?, ?, ?, ?, ?, ?, 2, NULL, ?, 0)")) {
            for (long id = 1; id <= cards; id++) {
                Board board = boards.get((int) (id % boards.size()));
                boolean archived = id % 2 == 0;
                Column column = columns.get(board.id()).get((int) (id / 2 % 3));
                int position = archived ? -1 : fill.merge(column.id(), 1, Integer::sum) - 1;
                String title = "Card " + id + " with a title of ordinary length";
                String description = id % 3 == 0 ? "Some words about what this card is for, as people write them." : "";
                card.setLong(1, id);
                card.setLong(2, board.id());
                card.setLong(3, column.id());
                card.setInt(4, position);
                card.setString(5, title);
                card.setString(6, description);
                card.setInt(7, (int) (id % 4));
                card.setInt(8, archived ? 1 : 0);
                card.setLong(9, 1);
                card.setString(10, at);
                card.setString(11, at);
                card.addBatch();
                Card added = new Card(id, board.id(), column.id(), column.name(), archived ? -1 : position, title, description,
                        List.of(), (int) (id % 4), null, null, archived, 1, at, at, null, 0, false);
                if (!archived) {
                    live.add(added);
                }
                String person = PEOPLE[random.nextInt(PEOPLE.length)];
                addEvent(event, nextEvent++, person, added, "card.added", "added #" + id + " to " + column.name(), null, added, tops);
                if (id % 10_000 == 0) {
                    card.executeBatch();
                    event.executeBatch();
                }
            }
            card.executeBatch();
            event.executeBatch();
            connection.commit();
            long[] before = size(connection, nextEvent - 1);
            // Moves between columns of live cards; the cards table keeps its state (the bench reads, undoes
            // and redoes only the real moves made last), so positions stay contiguous.
            long made = 0;
            while (nextEvent <= events) {
                Card from = live.get(random.nextInt(live.size()));
                List<Column> lanes = columns.get(from.boardId());
                Column to = lanes.get((lanes.indexOf(lanes.stream().filter(c -> c.id() == from.columnId()).findFirst().orElseThrow())
                        + 1 + random.nextInt(2)) % 3);
                Card moved = new Card(from.id(), from.boardId(), to.id(), to.name(), random.nextInt(200), from.title(),
                        from.description(), from.tags(), from.priority(), null, null, false, from.version() + 1, at, at, null, 0, false);
                String person = PEOPLE[random.nextInt(PEOPLE.length)];
                addEvent(event, nextEvent++, person, from, "card.moved", "moved #" + from.id() + " from " + from.column() + " to "
                        + to.name(), from, moved, tops);
                made++;
                if (made % 10_000 == 0) {
                    event.executeBatch();
                }
            }
            event.executeBatch();
            connection.commit();
            connection.setAutoCommit(true);
            long[] after = size(connection, nextEvent - 1);
            return made == 0 ? 0 : (double) (after[0] - before[0]) / made;
        }
    }

    private static void addEvent(PreparedStatement event, long id, String person, Card card, String kind, String summary,
                                 Card before, Card after, Map<String, Long> tops) throws SQLException {
        String[] sides = CardChange.of(before, after);
        String key = person + "/" + card.boardId();
        event.setLong(1, id);
        event.setString(2, "2026-12-01T12:00:00.000Z");
        event.setString(3, person);
        event.setLong(4, 4242);
        event.setLong(5, card.boardId());
        event.setLong(6, card.id());
        event.setString(7, kind);
        event.setString(8, summary);
        event.setString(9, sides[0]);
        event.setString(10, sides[1]);
        event.setLong(11, tops.getOrDefault(key, 0L)); // a new change: on top of the last, nothing to redo
        event.addBatch();
        tops.put(key, id);
    }

    /** The file's size in bytes once the write-ahead log is folded back in. */
    private static long[] size(Connection connection, long events) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            long pages;
            long pageSize;
            try (ResultSet row = statement.executeQuery("PRAGMA page_count")) {
                row.next();
                pages = row.getLong(1);
            }
            try (ResultSet row = statement.executeQuery("PRAGMA page_size")) {
                row.next();
                pageSize = row.getLong(1);
            }
            return new long[] {pages * pageSize, events};
        } finally {
            connection.setAutoCommit(auto);
        }
    }
}
