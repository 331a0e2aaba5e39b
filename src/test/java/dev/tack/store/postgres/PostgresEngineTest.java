package dev.tack.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import dev.tack.board.Boards;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Queries;
import dev.tack.board.CardFilter;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.model.TackException;
import dev.tack.store.Storage;
import dev.tack.store.Storages;
import dev.tack.testing.PostgresServer;
import org.junit.jupiter.api.Test;

/** What only a server database has: its schema's life (first init, newer tack), the lock's holder, roles, hostile names. */
class PostgresEngineTest {

    private static final Actor ALICE = new Actor("alice", "laptop-a", 11);
    private final PostgresServer server = PostgresServer.get();

    private static Storage create(String url) {
        return Storages.open(url, Storage.Options.defaults().creating(true), tx -> Boards.create(tx, ALICE, "main", Boards.DEFAULT_COLUMNS));
    }

    @Test
    void twoFirstInitsAtOnceMakeOneSchemaWithOneBoard() throws Exception {
        String url = server.freshUrl();
        int inits = 4;
        ExecutorService pool = Executors.newFixedThreadPool(inits);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Storage>> opened = new ArrayList<>();
        for (int i = 0; i < inits; i++) {
            opened.add(pool.submit(() -> {
                go.await();
                return create(url);
            }));
        }
        go.countDown();
        for (Future<Storage> future : opened) {
            future.get().close();
        }
        pool.shutdown();
        try (Storage storage = Storages.open(url, Storage.Options.defaults(), null)) {
            assertThat(storage.<List<dev.tack.model.Board>>readTransaction(tx -> tx.boards().all())).hasSize(1);
            assertThat(storage.<Long>readTransaction(tx -> tx.events().count())).isEqualTo(1);
            assertThat(storage.integrityProblems()).isEmpty();
        }
    }

    @Test
    void aSchemaFromANewerTackIsRefusedAndLeftAsItIs() throws Exception {
        String url = server.freshUrl();
        create(url).close();
        String schema = url.substring(url.indexOf("currentSchema=") + 14);
        server.execute("UPDATE \"" + schema + "\".schema_version SET version = 99");
        assertThatThrownBy(() -> Storages.open(url, Storage.Options.defaults(), null))
                .isInstanceOf(TackException.class).hasMessageContaining("written by a newer tack (schema 99");
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT version FROM \"" + schema + "\".schema_version")) {
            row.next();
            assertThat(row.getInt(1)).isEqualTo(99);
        }
    }

    @Test
    void backupsOfAServerBoardAreTheServersAndSaySoInOneLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (Storage storage = create(server.freshUrl())) {
            assertThatThrownBy(() -> storage.backupTo(dir.resolve("b.db"))).isInstanceOf(TackException.class)
                    .hasMessageContaining("pg_dump").hasMessageNotContaining("\n");
            assertThat(dir.resolve("b.db")).doesNotExist();
        }
    }

    @Test
    void anEmptySchemaIsNoBoardUntilInit() {
        String url = server.freshUrl();
        assertThatThrownBy(() -> Storages.open(url, Storage.Options.defaults(), null))
                .isInstanceOf(TackException.class).hasMessage("no tack database at " + url + " (create one with: tack init --db " + url + ")");
    }

    @Test
    void aWriteThatCannotHaveTheLockInTimeIsBusyAndNamesTheHolder() throws Exception {
        String url = server.freshUrl();
        String schema = url.substring(url.indexOf("currentSchema=") + 14);
        create(url).close();
        try (Storage storage = Storages.open(url, new Storage.Options(false, false, Duration.ofMillis(500)), null);
             Connection holder = server.connect()) {
            Workspace alice = new Workspace(storage, ALICE, null);
            alice.describeHolder("alice (tack add)");
            holder.setAutoCommit(false);
            try (PreparedStatement statement = holder.prepareStatement("SELECT set_config('application_name', 'bob (tack mv) (pid 77 on laptop-b)', false),"
                    + " pg_advisory_xact_lock(?, 1)")) {
                statement.setInt(1, schema.hashCode() & 0x7fffffff); // the schema's key, as PgDatabase makes it
                statement.execute();
            }
            assertThatThrownBy(() -> new Cards(alice).add(NewCard.titled("waits")))
                    .isInstanceOfSatisfying(TackException.class, e -> assertThat(e.kind()).isEqualTo(TackException.Kind.BUSY))
                    .hasMessage("board is busy: bob (tack mv) (pid 77 on laptop-b) has held the write lock on " + url + " for over 500 ms");
            holder.rollback();
            assertThat(new Cards(alice).add(NewCard.titled("now")).title()).isEqualTo("now");
            assertThat(storage.<Long>readTransaction(tx -> tx.cards().maxId())).isEqualTo(1);
        }
    }

    @Test
    void aReadOnlyRoleReadsTheBoardAndItsWritesFailInOneLine() {
        String url = server.freshUrl();
        String schema = url.substring(url.indexOf("currentSchema=") + 14);
        try (Storage owner = create(url)) {
            new Cards(new Workspace(owner, ALICE, null)).add(NewCard.titled("visible"));
        }
        String role = "viewer_" + schema;
        server.execute("CREATE ROLE " + role + " LOGIN", "GRANT USAGE ON SCHEMA \"" + schema + "\" TO " + role,
                "GRANT SELECT ON ALL TABLES IN SCHEMA \"" + schema + "\" TO " + role);
        String viewerUrl = url.replace("postgresql://tack@", "postgresql://" + role + "@");
        try (Storage viewer = Storages.open(viewerUrl, Storage.Options.defaults(), null)) {
            Workspace workspace = new Workspace(viewer, new Actor("carol", "h", 3), null);
            assertThat(viewer.readOnly()).isTrue();
            assertThat(new Queries(workspace).board(CardFilter.ALL).lanes().get(0).cards()).extracting(c -> c.title()).containsExactly("visible");
            assertThatThrownBy(() -> new Cards(workspace).add(NewCard.titled("nope")))
                    .isInstanceOf(TackException.class).hasMessageContaining("read-only for this role").hasMessageNotContaining("\n");
        }
    }

    @Test
    void hostileSchemaBoardAndCardNamesAreDataNotSql() {
        String schema = "we\"ird'; DROP SCHEMA public CASCADE; --";
        String url = server.url(java.net.URLEncoder.encode(schema, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")); // libpq: "+" is a plus
        String board = "'); DROP TABLE cards; --";
        String title = "Robert'); DROP TABLE boards;-- \"x\" $$ \\";
        try (Storage storage = create(url)) {
            Workspace workspace = new Workspace(storage, ALICE, null);
            new Boards(workspace).add(board, List.of("To'do", "Do\"ne"));
            Workspace other = workspace.onBoard(board);
            long id = new Cards(other).add(NewCard.titled(title).inColumn("To'do")).id();
            assertThat(new Queries(other).card(id).title()).isEqualTo(title);
            assertThat(storage.<List<dev.tack.model.Board>>readTransaction(tx -> tx.boards().all())).extracting(b -> b.name()).containsExactly("main", board);
            assertThat(storage.integrityProblems()).isEmpty();
        }
        try (Connection connection = server.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM pg_catalog.pg_namespace WHERE nspname IN (?, 'public')")) {
            statement.setString(1, schema);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                assertThat(row.getInt(1)).isEqualTo(2); // the odd schema exists, and public is still there
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Issue 12's tables on the server, written behind tack's back as psql would: a card cannot wait
     * for itself, a link and an item go with their card, every row counts in the revision, and a
     * lost trigger on one of them is a problem {@code tack check} names.
     */
    @Test
    void theDependencyTablesKeepSqlitesRulesAndCountInTheRevision() {
        String url = server.freshUrl();
        String schema = "\"" + url.substring(url.indexOf("currentSchema=") + 14) + "\".";
        try (Storage storage = create(url)) {
            Workspace workspace = new Workspace(storage, ALICE, null);
            long a = new Cards(workspace).add(NewCard.titled("a")).id();
            long b = new Cards(workspace).add(NewCard.titled("b")).id();
            assertThatThrownBy(() -> server.execute("INSERT INTO " + schema + "card_links (card_id, waits_for, created_at) VALUES ("
                    + a + ", " + a + ", 'now')")).hasMessageContaining("check");
            long before = revision(schema);
            server.execute("INSERT INTO " + schema + "card_links (card_id, waits_for, created_at) VALUES (" + b + ", " + a + ", 'now')",
                    "INSERT INTO " + schema + "checklist_items (card_id, position, text) VALUES (" + a + ", 0, 'x')",
                    "INSERT INTO " + schema + "column_rules (column_id, gate) SELECT min(id), 1 FROM " + schema + "columns");
            assertThat(revision(schema)).isEqualTo(before + 3);
            assertThat(storage.<List<Long>>readTransaction(tx -> tx.links().blocks(a))).containsExactly(b);
            assertThat(storage.<List<dev.tack.model.ChecklistItem>>readTransaction(tx -> tx.checklists().ofCard(a)))
                    .extracting(dev.tack.model.ChecklistItem::text).containsExactly("x");
            server.execute("DELETE FROM " + schema + "cards WHERE id = " + b); // the last in its column: no gap left
            assertThat(storage.<List<Long>>readTransaction(tx -> tx.links().blocks(a))).isEmpty();
            assertThat(storage.integrityProblems()).isEmpty();
            server.execute("DROP TRIGGER card_links_revision ON " + schema + "card_links");
            assertThat(storage.integrityProblems()).anyMatch(problem -> problem.contains("card_links"));
        }
    }

    private long revision(String schema) {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT number FROM " + schema + "revision")) {
            row.next();
            return row.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
