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
