package dev.tack.store.sqlite;

import dev.tack.model.Hosts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import dev.tack.board.Boards;
import dev.tack.model.Actor;
import dev.tack.testing.Acks.Ack;

/**
 * Checks a board file against the writes that processes were told had committed.
 *
 * <p>{@code exact}: every process finished cleanly, so the file must hold exactly the acknowledged
 * writes. Otherwise processes were killed, and each kill may have lost at most the acknowledgement
 * of one write that did commit (a driver writes one transaction at a time): the file must hold every
 * acknowledged write and at most {@code unacknowledgedAllowance} more.
 */
final class BoardAudit {

    private BoardAudit() {
    }

    /** Creates a board file with board {@code main} (Todo, Doing, Done); returns its event count. */
    static long createBoard(Path file) {
        Actor actor = new Actor("seed", Hosts.name(), ProcessHandle.current().pid());
        try (Database database = Database.open(file, Database.Options.defaults().creating(true),
                tx -> Boards.create(tx, actor, "main", Boards.DEFAULT_COLUMNS))) {
            return database.read(EventTable::count);
        }
    }

    record Summary(long cards, long events, long comments, long versionBumps) {
    }

    static Summary verify(Path file, List<Ack> acks, long seedEvents, boolean exact, long unacknowledgedAllowance) {
        try (Database database = Database.open(file, Database.Options.defaults(), tx -> null)) {
            return database.read(tx -> {
                assertThat(Integrity.problems(tx)).as("Integrity.problems (integrity_check, foreign_key_check, tack's invariants)").isEmpty();
                assertThat(tx.list("PRAGMA integrity_check", row -> row.getString(1))).containsExactly("ok");
                assertThat(tx.list("PRAGMA foreign_key_check", row -> row.getString(1))).isEmpty();

                // Positions: exactly 0..n-1 in every column (checked here directly as well as by Integrity).
                List<Long> columnIds = tx.list("SELECT id FROM columns", row -> row.getLong(1));
                for (long columnId : columnIds) {
                    List<Integer> positions = tx.list("SELECT position FROM cards WHERE column_id = ? AND archived = 0 ORDER BY position",
                            row -> row.getInt(1), columnId);
                    for (int i = 0; i < positions.size(); i++) {
                        assertThat(positions.get(i)).as("position %d of column %d", i, columnId).isEqualTo(i);
                    }
                }

                Map<Long, Long> versions = new HashMap<>();
                for (long[] row : tx.list("SELECT id, version FROM cards", r -> new long[] {r.getLong(1), r.getLong(2)})) {
                    versions.put(row[0], row[1]);
                }
                Map<Long, Long> commentsPerCard = new HashMap<>();
                for (long[] row : tx.list("SELECT card_id, count(*) FROM comments GROUP BY card_id", r -> new long[] {r.getLong(1), r.getLong(2)})) {
                    commentsPerCard.put(row[0], row[1]);
                }
                Map<Long, Long> commentCard = new HashMap<>();
                for (long[] row : tx.list("SELECT id, card_id FROM comments", r -> new long[] {r.getLong(1), r.getLong(2)})) {
                    commentCard.put(row[0], row[1]);
                }
                Map<Long, Long> eventsPerCard = new HashMap<>();
                for (long[] row : tx.list("SELECT card_id, count(*) FROM events WHERE card_id IS NOT NULL GROUP BY card_id",
                        r -> new long[] {r.getLong(1), r.getLong(2)})) {
                    eventsPerCard.put(row[0], row[1]);
                }

                List<String> problems = new ArrayList<>();
                Map<Long, List<Ack>> byCard = acks.stream().collect(Collectors.groupingBy(Ack::cardId));
                for (Map.Entry<Long, List<Ack>> entry : byCard.entrySet()) {
                    long id = entry.getKey();
                    List<Ack> cardAcks = entry.getValue();
                    Long version = versions.get(id);
                    if (version == null) {
                        problems.add("card #" + id + " was acknowledged " + cardAcks + " but is missing");
                        continue;
                    }
                    long maxAcked = cardAcks.stream().filter(Ack::carriesVersion).mapToLong(Ack::value).max().orElse(1);
                    if (version < maxAcked) {
                        problems.add("card #" + id + " is at version " + version + " below acknowledged version " + maxAcked);
                    }
                    // Each version number is produced by exactly one write: two acknowledgements of the same
                    // version of one card would mean a lost update.
                    Set<Long> seen = new HashSet<>();
                    for (Ack ack : cardAcks) {
                        if (ack.carriesVersion() && ack.bumpsVersion() && !seen.add(ack.value())) {
                            problems.add("card #" + id + " version " + ack.value() + " was acknowledged twice");
                        }
                    }
                    long ackedComments = cardAcks.stream().filter(a -> a.op().equals("comment")).count();
                    long comments = commentsPerCard.getOrDefault(id, 0L);
                    if (exact ? comments != ackedComments : comments < ackedComments) {
                        problems.add("card #" + id + " has " + comments + " comment(s), " + ackedComments + " acknowledged");
                    }
                    long cardEvents = eventsPerCard.getOrDefault(id, 0L);
                    if (exact ? cardEvents != cardAcks.size() : cardEvents < cardAcks.size()) {
                        problems.add("card #" + id + " has " + cardEvents + " event(s), " + cardAcks.size() + " writes acknowledged");
                    }
                    long bumps = cardAcks.stream().filter(Ack::bumpsVersion).count();
                    if (exact && version - 1 != bumps) {
                        problems.add("card #" + id + " is at version " + version + " after " + bumps + " acknowledged changes");
                    }
                }
                for (Ack ack : acks) {
                    if (ack.op().equals("comment") && !Long.valueOf(ack.cardId()).equals(commentCard.get(ack.value()))) {
                        problems.add("comment " + ack.value() + " acknowledged on #" + ack.cardId() + " is " +
                                (commentCard.containsKey(ack.value()) ? "on #" + commentCard.get(ack.value()) : "missing"));
                    }
                }
                if (exact) {
                    Set<Long> ackedAdds = acks.stream().filter(a -> a.op().equals("add")).map(Ack::cardId).collect(Collectors.toSet());
                    assertThat(versions.keySet()).as("cards in the file = cards whose add was acknowledged").isEqualTo(ackedAdds);
                }
                assertThat(problems.subList(0, Math.min(20, problems.size())))
                        .as("acknowledged writes missing or wrong (first 20 of %d)", problems.size()).isEmpty();

                long events = EventTable.count(tx) - seedEvents;
                long versionBumps = tx.number("SELECT coalesce(sum(version - 1), 0) FROM cards");
                long ackedBumps = acks.stream().filter(Ack::bumpsVersion).count();
                long comments = tx.number("SELECT count(*) FROM comments");
                long ackedCommentCount = acks.stream().filter(a -> a.op().equals("comment")).count();
                if (exact) {
                    assertThat(events).as("events = acknowledged writes (+ seed)").isEqualTo(acks.size());
                    assertThat(versionBumps).as("sum of (version - 1) = acknowledged mv/edit/comment").isEqualTo(ackedBumps);
                    assertThat(comments).isEqualTo(ackedCommentCount);
                } else {
                    assertThat(events).as("events beyond the seed: acknowledged writes, plus at most one unacknowledged per kill")
                            .isBetween((long) acks.size(), acks.size() + unacknowledgedAllowance);
                    assertThat(versionBumps).isGreaterThanOrEqualTo(ackedBumps);
                    assertThat(comments).isGreaterThanOrEqualTo(ackedCommentCount);
                }
                return new Summary(versions.size(), events, comments, versionBumps);
            });
        }
    }
}
