package dev.tack.store.postgres;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tack check} on PostgreSQL: the schema (version, tables, the revision's triggers) and tack's
 * own invariants, the same as on SQLite. The server keeps foreign keys and pages sound itself.
 */
final class PgIntegrity {

    private PgIntegrity() {
    }

    static List<String> problems(PgTx tx, String schema) throws SQLException {
        List<String> problems = new ArrayList<>();
        int version = PgSchema.version(tx);
        if (version != PgSchema.CURRENT_VERSION) {
            problems.add("schema: version " + version + ", this tack expects " + PgSchema.CURRENT_VERSION);
            return problems;
        }
        for (String table : PgSchema.BOARD_TABLES) {
            if (tx.number("SELECT count(*) FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?"
                    + " AND t.tgname = ? AND t.tgenabled <> 'D'", schema, table, table + "_revision") == 0) {
                problems.add("schema: table " + table + " has lost its revision trigger: other screens would miss its changes");
            }
        }
        String visible = PgImports.visible("c");
        problems.addAll(tx.list("SELECT col.name || ' (board ' || b.name || ')' FROM columns col JOIN boards b ON b.id = col.board_id"
                + " WHERE (SELECT count(*) FROM cards c WHERE c.column_id = col.id AND c.archived = 0 AND " + visible + ")"
                + " != (SELECT count(DISTINCT position) FROM cards c WHERE c.column_id = col.id AND c.archived = 0 AND " + visible + ")"
                + " OR (SELECT coalesce(max(position), -1) FROM cards c WHERE c.column_id = col.id AND c.archived = 0 AND " + visible + ")"
                + " != (SELECT count(*) FROM cards c WHERE c.column_id = col.id AND c.archived = 0 AND " + visible + ") - 1"
                + " OR EXISTS (SELECT 1 FROM cards c WHERE c.column_id = col.id AND c.archived = 0 AND " + visible + " AND c.position < 0)",
                row -> "positions in column " + row.getString(1) + " are not contiguous from 0"));
        for (long id : tx.list("SELECT c.id FROM cards c JOIN columns col ON col.id = c.column_id WHERE col.board_id != c.board_id",
                row -> row.getLong(1))) {
            problems.add("card #" + id + " sits in a column of another board");
        }
        long badVersions = tx.number("SELECT count(*) FROM cards WHERE version < 1");
        if (badVersions > 0) {
            problems.add(badVersions + " card(s) have a version below 1");
        }
        problems.addAll(tx.list("SELECT c.name, b.name, c.wip_limit, count(k.id) FROM columns c JOIN boards b ON b.id = c.board_id"
                + " JOIN cards k ON k.column_id = c.id AND k.archived = 0 AND " + PgImports.visible("k")
                + " WHERE c.wip_hard != 0 AND c.wip_limit IS NOT NULL GROUP BY c.id, c.name, b.name, c.wip_limit, c.position"
                + " HAVING count(k.id) > c.wip_limit ORDER BY b.name, c.position", row -> "column " + row.getString(1) + " (board "
                + row.getString(2) + ") holds " + row.getLong(4) + " cards, over its hard WIP limit of " + row.getLong(3)));
        long futureEvents = tx.number("SELECT count(*) FROM events WHERE card_id IS NOT NULL AND card_id > ?", PgCards.highestIdIssued(tx));
        if (futureEvents > 0) {
            problems.add(futureEvents + " event(s) name cards that were never created");
        }
        return problems;
    }
}
