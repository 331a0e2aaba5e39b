package dev.tack.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A program that is not tack and comes and goes, as a person with the {@code sqlite3} shell or a
 * script would: a plain JDBC connection (no tack pragmas, no side lock) that opens the board, reads
 * it, takes SQLite's write lock with {@code BEGIN IMMEDIATE}, holds it 0-20 ms, commits or rolls back
 * without writing, and closes, again and again until stdin closes. Closing matters: the last
 * connection to close a WAL database checkpoints it and deletes {@code -wal} and {@code -shm}, and
 * SQLite decides it is the last by taking an exclusive lock on the database file, which every other
 * process's shared lock normally prevents.
 *
 * <p>Prints {@code READY pid .}, {@code VISIT n cards held-ms .} per visit, {@code VISITERR message}
 * on a failure and {@code DONE visits .} at the end.
 *
 * <p>Usage: {@code ForeignVisitor db seed}
 */
public final class ForeignVisitor {

    private ForeignVisitor() {
    }

    public static void main(String[] args) throws Exception {
        String db = args[0];
        Random random = new Random(Long.parseLong(args[1]));
        ChildJvm.LineOut out = new ChildJvm.LineOut();
        AtomicBoolean stop = ChildJvm.stopWhenStdinCloses();

        out.println("READY " + ProcessHandle.current().pid() + " .");
        int visits = 0;
        while (!stop.get()) {
            int held = random.nextInt(21);
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                 Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 5000"); // the shell's .timeout
                long cards;
                try (ResultSet row = statement.executeQuery("SELECT count(*) FROM cards")) {
                    cards = row.getLong(1);
                }
                statement.execute("BEGIN IMMEDIATE");
                Thread.sleep(held);
                statement.execute(random.nextBoolean() ? "COMMIT" : "ROLLBACK");
                visits++;
                out.println("VISIT " + visits + " " + cards + " " + held + " .");
            } catch (SQLException e) {
                out.println("VISITERR " + e.getMessage().replace('\n', ' '));
            }
            Thread.sleep(random.nextInt(10));
        }
        out.println("DONE " + visits + " .");
        System.exit(0);
    }
}
