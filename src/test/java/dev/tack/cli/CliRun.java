package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import com.google.gson.JsonElement;
import com.google.gson.Gson;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/** Runs the command line in this JVM and reads back what it printed and what the file holds. */
final class CliRun {

    private CliRun() {
    }

    /** What one command printed and returned. */
    record Result(int exit, String out, String err) {

        List<String> errLines() {
            return err.lines().toList();
        }

        /** stdout as exactly one strict JSON document. */
        JsonElement json() {
            return CliRun.oneJsonDocument(out);
        }

        Result expectOk() {
            assertThat(exit).as("exit code; stderr: %s", err).isZero();
            assertThat(err).isEmpty();
            return this;
        }

        /** Exit code as given, and one line on stderr beginning "tack: " without a stack trace. */
        Result expectError(int code) {
            assertThat(exit).as("exit code; stdout: %s; stderr: %s", out, err).isEqualTo(code);
            assertThat(errLines()).as("stderr").hasSize(1);
            assertThat(err).startsWith("tack: ").doesNotContain("at dev.tack").doesNotContain("Exception")
                    .doesNotContain("\tat ");
            assertThat(out).as("stdout of a failed command").isEmpty();
            return this;
        }
    }

    static Result tack(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TackCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exit, out.toString(), err.toString());
    }

    static JsonElement oneJsonDocument(String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = new Gson().getAdapter(JsonElement.class).read(reader); // strict, unlike JsonParser
            assertThat(reader.peek()).as("anything after the first JSON document").isEqualTo(JsonToken.END_DOCUMENT);
            return element;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Event count and highest card id, read with plain JDBC on a read-only connection. */
    record Snapshot(long events, long maxCardId) {
    }

    static Snapshot snapshot(Path db) {
        return new Snapshot(number(db, "SELECT count(*) FROM events"), number(db, "SELECT coalesce(max(id), 0) FROM cards"));
    }

    static long number(Path db, String sql) {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db, config.toProperties());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static void execute(Path db, String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
