package dev.tack.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a file's schema with the one {@link Schema} makes, for {@code tack check}. The expected
 * schema is not a hand-kept list: the migrations are run on an in-memory database and both are
 * read back the same way (tables with their columns and foreign keys, indexes with their columns,
 * triggers and views with their SQL), so a migration added later is checked without more code
 * (the revision's triggers among them: a missing one would hide changes from open screens).
 */
final class SchemaCheck {

    private SchemaCheck() {
    }

    static List<String> problems(Tx actual) throws SQLException {
        Map<String, String> expected;
        SqliteLog.beforeFirstConnection();
        try (Connection memory = new org.sqlite.JDBC().connect("jdbc:sqlite::memory:", new java.util.Properties())) {
            Tx fresh = new Tx(memory);
            Schema.migrate(fresh);
            expected = describe(fresh);
        }
        Map<String, String> found = describe(actual);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            String have = found.get(entry.getKey());
            if (have == null) {
                problems.add("schema: " + entry.getKey() + " is missing");
            } else if (!have.equals(entry.getValue())) {
                problems.add("schema: " + entry.getKey() + " differs from tack's: has " + have + ", expected " + entry.getValue());
            }
        }
        for (String name : found.keySet()) {
            if (!expected.containsKey(name)) {
                problems.add("schema: " + name + " is not tack's (added by another program?)");
            }
        }
        if (found.containsKey("table revision") && RevisionTable.read(actual) == null) {
            problems.add("schema: the revision row is missing: open screens cannot tell board changes from presence");
        }
        int version = actual.userVersion();
        if (version != Schema.CURRENT_VERSION) {
            problems.add("schema: user_version is " + version + ", expected " + Schema.CURRENT_VERSION);
        }
        return problems;
    }

    /** Each object of the schema, named like "table cards" or "index cards_by_column", with what defines it. */
    private static Map<String, String> describe(Tx tx) throws SQLException {
        Map<String, String> objects = new TreeMap<>();
        List<String[]> master = tx.list("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master"
                + " WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
                row -> new String[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4)});
        for (String[] object : master) {
            String type = object[0];
            String name = object[1];
            String definition = switch (type) {
                case "table" -> columns(tx, name) + " " + foreignKeys(tx, name);
                case "index" -> "on " + object[2] + indexColumns(tx, name);
                default -> object[3].replaceAll("\\s+", " ").strip(); // triggers and views: their SQL
            };
            objects.put(type + " " + name, definition);
        }
        // Indexes SQLite makes for UNIQUE and PRIMARY KEY constraints have no SQL of their own: compared per table.
        for (String[] object : master) {
            if (object[0].equals("table")) {
                objects.put("constraints of " + object[1], constraintIndexes(tx, object[1]));
            }
        }
        return objects;
    }

    private static String columns(Tx tx, String table) throws SQLException {
        return tx.list("SELECT name, upper(type), \"notnull\", coalesce(dflt_value, 'null'), pk FROM pragma_table_info(?) ORDER BY cid",
                row -> row.getString(1) + " " + row.getString(2) + (row.getInt(3) == 1 ? " not null" : "")
                        + " default " + row.getString(4) + (row.getInt(5) > 0 ? " pk" + row.getInt(5) : ""), table).toString();
    }

    private static String foreignKeys(Tx tx, String table) throws SQLException {
        List<String> keys = tx.list("SELECT \"from\", \"table\", coalesce(\"to\", ''), on_delete FROM pragma_foreign_key_list(?)",
                row -> row.getString(1) + "->" + row.getString(2) + "(" + row.getString(3) + ") on delete " + row.getString(4), table);
        return "foreign keys " + new TreeSet<>(keys);
    }

    private static String indexColumns(Tx tx, String index) throws SQLException {
        return tx.list("SELECT coalesce(name, '<expr>') FROM pragma_index_info(?) ORDER BY seqno", row -> row.getString(1), index)
                .toString();
    }

    private static String constraintIndexes(Tx tx, String table) throws SQLException {
        List<String> unique = new ArrayList<>();
        for (String index : tx.list("SELECT name FROM pragma_index_list(?) WHERE origin != 'c' ORDER BY name",
                row -> row.getString(1), table)) {
            unique.add(indexColumns(tx, index));
        }
        return "unique " + new TreeSet<>(unique);
    }
}
