package dev.tack.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQLite's own checks plus tack's invariants; an empty list means the file is sound. */
public final class Integrity {

    private Integrity() {
    }

    public static List<String> problems(Tx tx) throws SQLException {
        List<String> problems = new ArrayList<>();
        for (String line : tx.list("PRAGMA integrity_check", row -> row.getString(1))) {
            if (!line.equals("ok")) {
                problems.add("integrity_check: " + line);
            }
        }
        for (String line : tx.list("PRAGMA foreign_key_check", row -> row.getString(1) + " row " + row.getLong(2)
                + " points at a missing " + row.getString(3))) {
            problems.add("foreign_key_check: " + line);
        }
        problems.addAll(SchemaCheck.problems(tx));
        String journal = tx.list("PRAGMA journal_mode", row -> row.getString(1)).get(0);
        if (!journal.equalsIgnoreCase("wal")) {
            problems.add("journal mode is " + journal + ", not wal (another program switched it): readers and writers block each other;"
                    + " any tack command that can write the file switches it back");
        }
        if (problems.stream().anyMatch(p -> p.startsWith("schema: "))) {
            return problems; // tack's invariants below read tables and columns that may be missing
        }
        for (String column : CardTable.columnsWithBrokenPositions(tx)) {
            problems.add("positions in column " + column + " are not contiguous from 0");
        }
        for (long id : CardTable.cardsOnForeignColumns(tx)) {
            problems.add("card #" + id + " sits in a column of another board");
        }
        long badVersions = tx.number("SELECT count(*) FROM cards WHERE version < 1");
        if (badVersions > 0) {
            problems.add(badVersions + " card(s) have a version below 1");
        }
        problems.addAll(tx.list("SELECT c.name, b.name, c.wip_limit, count(k.id) FROM columns c JOIN boards b ON b.id = c.board_id"
                + " JOIN cards k ON k.column_id = c.id AND k.archived = 0 AND " + ImportTable.visible("k")
                + " WHERE c.wip_hard != 0 AND c.wip_limit IS NOT NULL GROUP BY c.id HAVING count(k.id) > c.wip_limit"
                + " ORDER BY b.name, c.position", row -> "column " + row.getString(1) + " (board " + row.getString(2) + ") holds "
                + row.getLong(4) + " cards, over its hard WIP limit of " + row.getLong(3)));
        // Compared with the highest id ever issued, not the highest id still present: events outlive
        // the cards that "board rm --force" deletes.
        long futureEvents = tx.number("SELECT count(*) FROM events WHERE card_id IS NOT NULL AND card_id > ?",
                CardTable.highestIdIssued(tx));
        if (futureEvents > 0) {
            problems.add(futureEvents + " event(s) name cards that were never created");
        }
        return problems;
    }
}
