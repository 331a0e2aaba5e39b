package dev.tack.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import dev.tack.model.TackException;
import dev.tack.store.Storage;
import dev.tack.store.StorageTx;
import dev.tack.store.Storages;
import dev.tack.store.TableRows;

/**
 * {@code tack db copy FROM TO}: a whole database, every board with its ids, history (events),
 * comments, runs, links, checklists, column rules and versions, from one engine to another (or the
 * same). FROM is read in one read transaction, one consistent snapshot, while others go on writing;
 * TO must not hold a database yet, and is created by the copy, its rows written in the very
 * transaction that creates its tables (so a failed copy leaves no half board: no tables, or none
 * with rows). Each table's id counter is moved past the highest id FROM ever handed out. Then the
 * copy is verified: the rows of each table counted on both sides, and both checked as
 * {@code tack check} does.
 *
 * <p>Not copied: {@code presence} (which screens and workers are open now: they are open on FROM)
 * and the change feed's {@code revision} (TO has its own). A table FROM holds that this list does
 * not know (a newer tack) is refused rather than left behind.
 */
public final class DatabaseCopy {

    /** The tables copied, parents before the rows that refer to them. A new table of tack's goes here (or in {@link #LEFT}). */
    static final List<String> TABLES = List.of("imports", "boards", "columns", "cards", "card_tags", "comments", "events", "runs",
            "card_links", "checklist_items", "column_rules", "idempotency_keys", "hooks");

    /** Tables that stay behind, and why: presence is who has FROM open now; the revision is TO's own change counter. */
    static final Set<String> LEFT = Set.of("presence", "revision");

    /** One table's rows in FROM's snapshot and in TO after the copy. */
    public record TableCount(String table, long from, long to) {
        public boolean same() {
            return from == to;
        }
    }

    /** What was copied, and what the verification found (problems of {@code check} on each side, one line each). */
    public record Report(String from, String to, List<TableCount> counts, List<String> fromProblems, List<String> toProblems) {
        public boolean verified() {
            return counts.stream().allMatch(TableCount::same) && fromProblems.isEmpty() && toProblems.isEmpty();
        }
    }

    private DatabaseCopy() {
    }

    /** Copies {@code from} into {@code to} (a file path or a server URL each); CONFLICT when {@code to} already holds something. */
    public static Report copy(String from, String to, Workspace.Options options) {
        String shownFrom = Storages.displayed(from);
        String shownTo = Storages.displayed(to);
        refuseTaken(to, shownTo);
        Storage.Options reading = new Storage.Options(false, options.fullSync(), options.lockDeadline());
        try (Storage source = Storages.open(from, reading, null)) {
            Map<String, Long> fromCounts = new LinkedHashMap<>();
            boolean[] created = {false};
            Storage target = source.readTransaction(snapshot -> {
                List<String> tables = tablesOf(snapshot, shownFrom);
                tables.forEach(table -> fromCounts.put(table, snapshot.tables().count(table)));
                refuseTaken(to, shownTo); // again, just before creating it: another process may have been quicker
                return Storages.open(to, reading.creating(true), copying -> {
                    created[0] = true;
                    tables.forEach(table -> copyTable(snapshot.tables(), copying.tables(), table));
                    return null;
                });
            });
            try (target) {
                if (!created[0]) {
                    throw TackException.conflict(shownTo + " was created by someone else while the copy started: nothing written");
                }
                List<TableCount> counts = target.readTransaction(copy -> {
                    List<TableCount> result = new ArrayList<>();
                    fromCounts.forEach((table, rows) -> result.add(new TableCount(table, rows, copy.tables().count(table))));
                    return result;
                });
                return new Report(shownFrom, shownTo, counts, source.integrityProblems(), target.integrityProblems());
            }
        }
    }

    private static void refuseTaken(String to, String shownTo) {
        if (Storages.exists(to)) {
            throw TackException.conflict(shownTo + " already holds a database (or a file): a copy goes only into a new file or an empty"
                    + " schema, nothing written");
        }
    }

    /** FROM's tables in copy order; one this tack does not know is refused (its rows would be lost). */
    private static List<String> tablesOf(StorageTx snapshot, String shownFrom) {
        Set<String> unknown = new TreeSet<>(snapshot.tables().tables());
        unknown.removeAll(TABLES);
        unknown.removeAll(LEFT);
        if (!unknown.isEmpty()) {
            throw TackException.failed(shownFrom + " has tables this tack does not copy (" + String.join(", ", unknown)
                    + "): copy it with the tack that made it, nothing written");
        }
        return TABLES;
    }

    private static void copyTable(TableRows from, TableRows to, String table) {
        List<String> columns = from.columns(table);
        if (!new TreeSet<>(to.columns(table)).equals(new TreeSet<>(columns))) {
            throw TackException.failed("the table " + table + " has other columns on the two sides (" + String.join(", ", columns)
                    + " / " + String.join(", ", to.columns(table)) + "): nothing written");
        }
        try (TableRows.Inserter inserter = to.inserter(table, columns)) {
            from.each(table, columns, inserter::add);
        }
        to.keepIdsPast(table, from.lastId(table));
    }
}
