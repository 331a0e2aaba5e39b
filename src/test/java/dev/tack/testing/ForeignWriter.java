package dev.tack.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A writer that ignores tack's side lock, as the {@code sqlite3} shell would: a plain JDBC
 * connection with a busy timeout, running its own {@code BEGIN IMMEDIATE; INSERT INTO events …;
 * UPDATE cards …; COMMIT} in a loop, sometimes holding its transaction open for 50–200 ms.
 * Writes until stdin closes. Prints {@code READY pid .}, {@code SHELL event-id held-ms .} after each
 * commit, {@code SHELLERR message} on a failure and {@code DONE commits .} at the end.
 *
 * <p>Usage: {@code ForeignWriter db seed}
 */
public final class ForeignWriter {

    private ForeignWriter() {
    }

    public static void main(String[] args) throws Exception {
        String db = args[0];
        Random random = new Random(Long.parseLong(args[1]));
        ChildJvm.LineOut out = new ChildJvm.LineOut();
        AtomicBoolean stop = ChildJvm.stopWhenStdinCloses();

        long pid = ProcessHandle.current().pid();
        int commits = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 5000"); // the shell's .timeout
            out.println("READY " + pid + " .");
            while (!stop.get()) {
                int held = commits % 3 == 1 ? 50 + random.nextInt(151) : 0; // every third transaction is held open
                try {
                    statement.execute("BEGIN IMMEDIATE");
                    long maxCard;
                    try (ResultSet row = statement.executeQuery("SELECT coalesce(max(id), 0) FROM cards")) {
                        maxCard = row.getLong(1);
                    }
                    Long cardId = maxCard == 0 ? null : 1 + (long) random.nextInt((int) maxCard);
                    long eventId;
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO events (at, actor, host, pid, board_id, card_id, kind, summary)"
                                    + " VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'sqlite3-shell', 'localhost', ?, 1, ?, 'shell.note', ?)")) {
                        insert.setLong(1, pid);
                        insert.setObject(2, cardId);
                        insert.setString(3, "note " + commits + " from the shell");
                        insert.executeUpdate();
                    }
                    try (ResultSet row = statement.executeQuery("SELECT last_insert_rowid()")) {
                        eventId = row.getLong(1);
                    }
                    if (held > 0) {
                        Thread.sleep(held); // a person at the sqlite3 prompt, mid-transaction
                    }
                    if (cardId != null) {
                        try (PreparedStatement update = connection.prepareStatement(
                                "UPDATE cards SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), version = version + 1 WHERE id = ?")) {
                            update.setLong(1, cardId);
                            update.executeUpdate();
                        }
                    }
                    statement.execute("COMMIT");
                    commits++;
                    out.println("SHELL " + eventId + " " + held + " .");
                } catch (SQLException e) {
                    out.println("SHELLERR " + e.getMessage().replace('\n', ' '));
                    try {
                        statement.execute("ROLLBACK");
                    } catch (SQLException ignored) {
                        // nothing was open
                    }
                }
                Thread.sleep(random.nextInt(15));
            }
        }
        out.println("DONE " + commits + " .");
        System.exit(0);
    }
}
