package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import com.google.gson.JsonElement;
import dev.tack.testing.PostgresServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three roles of README's "A team board on PostgreSQL", created here as an administrator
 * would, each running tack's commands on a real server: the owner inits, the member changes data
 * only (hostile titles and board names stay data), the viewer reads and its writes fail in one line.
 */
class ServerRolesTest {

    private static final String HOSTILE_TITLE = "Robert'); DROP TABLE cards;-- \"x\" $$ \\ %s \u001b[31mred";
    private static final String HOSTILE_BOARD = "ops'); DELETE FROM boards; --";

    private final PostgresServer server = PostgresServer.get();
    private String schema;
    private String owner;
    private String member;
    private String viewer;

    @BeforeEach
    void roles() {
        schema = server.freshSchemaName();
        owner = schema + "_owner";
        member = schema + "_member";
        viewer = schema + "_viewer";
        server.execute("CREATE ROLE " + owner + " LOGIN", "GRANT CREATE ON DATABASE tack TO " + owner,
                "CREATE ROLE " + member + " LOGIN", "CREATE ROLE " + viewer + " LOGIN");
    }

    private String url(String role) {
        return "postgresql://" + role + "@127.0.0.1:" + server.port() + "/tack?currentSchema=" + schema;
    }

    private CliRun.Result as(String role, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = url(role);
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.tack(all);
    }

    /** The grants of the README, run by the owner as psql would. */
    private void grantAsOwner() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/tack?user=" + owner);
             Statement statement = connection.createStatement()) {
            statement.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + member + ", " + viewer);
            statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + member);
            statement.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + member);
            statement.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + viewer);
            statement.execute("GRANT SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + viewer);
        }
    }

    private long events() throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM " + schema + ".events")) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void theOwnerInitsTheMemberWritesDataAndTheViewerOnlyReads() throws Exception {
        as(member, "init").expectError(1); // no schema yet, and no right to make one
        as(owner, "init").expectOk();
        grantAsOwner();

        long id = Long.parseLong(as(member, "add", HOSTILE_TITLE, "-t", "x';--").expectOk().out().strip());
        as(member, "board", "add", HOSTILE_BOARD, "--columns", "To'do,Do\"ne").expectOk();
        long other = Long.parseLong(as(member, "--board", HOSTILE_BOARD, "add", "on the odd board", "-c", "To'do").expectOk().out().strip());
        as(member, "mv", String.valueOf(id), "Doing").expectOk();
        as(member, "comment", String.valueOf(id), "it's \"fine\"; DROP SCHEMA " + schema + " CASCADE").expectOk();
        as(member, "undo").expectOk();
        as(member, "--board", HOSTILE_BOARD, "mv", String.valueOf(other), "Do\"ne").expectOk();
        JsonElement card = as(member, "--json", "show", String.valueOf(id)).expectOk().json();
        assertThat(card.getAsJsonObject().get("title").getAsString()).isEqualTo(HOSTILE_TITLE);
        assertThat(as(member, "board", "ls").expectOk().out()).contains(HOSTILE_BOARD);
        assertThat(as(member, "check").expectOk().out()).contains("ok");

        // The viewer: the board, as text (sanitised: no escape reaches a terminal) and as JSON.
        String listed = as(viewer, "ls").expectOk().out();
        assertThat(listed).contains("Robert'); DROP TABLE cards;--").doesNotContain("\u001b");
        assertThat(as(viewer, "--board", HOSTILE_BOARD, "--json", "ls").expectOk().json().toString()).contains("on the odd board");
        assertThat(as(viewer, "log").expectOk().out()).isNotEmpty();
        assertThat(as(viewer, "check").expectOk().out()).contains("ok");
        long before = events();
        for (String[] write : new String[][] {{"add", "nope"}, {"mv", String.valueOf(id), "Done"}, {"comment", String.valueOf(id), "x"},
            {"board", "add", "mine"}, {"undo"}}) {
            CliRun.Result refused = as(viewer, write).expectError(1);
            assertThat(refused.err()).as(String.join(" ", write)).contains("read-only for this role").doesNotContain("password");
        }
        assertThat(events()).as("nothing written by the viewer").isEqualTo(before);

        // The member cannot change the schema: a second init is no migration, and DDL is the owner's.
        as(member, "init").expectOk();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/tack?user=" + member);
             Statement statement = connection.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> statement.execute("DROP TABLE " + schema + ".cards"))
                    .hasMessageContaining("must be owner");
        }
    }
}
