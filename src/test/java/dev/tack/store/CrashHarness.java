package dev.tack.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.tack.testing.Acks;
import dev.tack.testing.Acks.Ack;
import dev.tack.testing.ChildJvm;
import dev.tack.testing.ForeignVisitor;

/**
 * The crash harness (issue 8): long-lived tack writer processes ({@link CrashWriter}, the real
 * board layer) write one board while a killer sends {@code kill -9} to a random one at random moments
 * (once it has acknowledged 1-100 writes) and starts a new one in its place, and a
 * {@link ForeignVisitor} (plain JDBC, not tack) opens, reads, holds {@code BEGIN IMMEDIATE}, ends and
 * closes its connection in a loop beside them. The killing lasts {@code Config.killing}, and on
 * (up to three times as long) until there have been {@value #MIN_KILLS} kills.
 *
 * <p>Every writer appends each write it acknowledged (after the commit returned) to its slot's own
 * log file, never to the database; the page cache keeps a line written before the kill. At the end,
 * with every process stopped, the harness reads the file with a plain JDBC connection and counts:
 * {@code PRAGMA integrity_check}, and lost writes, acknowledged writes whose effect is not in the
 * file (an add, move or edit leaves an event of its kind by that process on that card with the card's
 * new version in {@code after}; a comment leaves its row on that card), or whose version or comment
 * id another acknowledgement claims too (each is made by one write). It reports; the tests decide.
 */
final class CrashHarness {

    /** How to run: {@code forbidden} null for tack as shipped, or the negative control's hook. */
    record Config(Path dir, int writers, Duration killing, ForbiddenFileIo.Targets forbidden, long seed) {
    }

    /** What a run produced. {@code lost} is -1 when the file could not be read at all. */
    record Figures(long acknowledged, int kills, int writersStarted, int visits, long lost, String integrity,
                   List<String> writerErrors, List<String> visitorErrors, List<String> writerFailures, long seedEvents,
                   List<Ack> acks, Path db, Duration took) {

        boolean damaged() {
            return lost != 0 || !integrity.equals("ok");
        }

        String summary() {
            return String.format("%d writes acknowledged, %d kills (%d writer processes), %d foreign visits, %d lost,"
                            + " integrity %s; %d writer errors, %d visitor errors, %d writers that failed; in %d ms",
                    acknowledged, kills, writersStarted, visits, lost, integrity, writerErrors.size(), visitorErrors.size(),
                    writerFailures.size(), took.toMillis());
        }
    }

    static final int MIN_KILLS = 5;
    private static final Pattern READY = Pattern.compile("READY (\\d+) \\.");
    private static final Pattern ACK = Pattern.compile("ACK (add|mv|edit|comment) (\\d+) (\\d+) \\.");
    /** The writers' lock deadline: far above any transaction here, so a busy error is a real failure. */
    private static final long LOCK_DEADLINE_MILLIS = 20_000;
    /** The event each acknowledged operation leaves (a comment leaves its row, matched by id). */
    private static final Map<String, String> EVENT_KINDS = Map.of("add", "card.added", "mv", "card.moved", "edit", "card.edited");

    /** One writer's place: its log outlives the processes that fill it, one after another. */
    private static final class Slot {
        final int index;
        final Path log;
        ChildJvm child;
        int incarnation;
        /** The current process dies only after this many acknowledged writes: long-lived, however loaded the machine. */
        int killAfterAcks;

        Slot(int index, Path log) {
            this.index = index;
            this.log = log;
        }
    }

    private CrashHarness() {
    }

    static Figures run(Config config) throws Exception {
        long started = System.nanoTime();
        Path db = config.dir().resolve("tack.db");
        long seedEvents = createBoardElsewhere(config.dir(), db);
        Random random = new Random(config.seed());
        List<Slot> slots = new ArrayList<>();
        List<String> writerFailures = new ArrayList<>();
        ChildJvm visitor = ChildJvm.start("foreign-visitor", config.dir(), ForeignVisitor.class, db.toString(),
                Long.toString(config.seed()));
        int kills = 0;
        int writersStarted = 0;
        try {
            requireLine(visitor, "READY ");
            for (int i = 0; i < config.writers(); i++) {
                Slot slot = new Slot(i, config.dir().resolve("acks-" + i + ".log"));
                slots.add(slot);
                start(slot, db, config, random);
                writersStarted++;
            }
            for (Slot slot : slots) {
                requireLine(slot.child, "READY ");
            }

            long end = System.nanoTime() + config.killing().toNanos();
            long hardEnd = System.nanoTime() + 3 * config.killing().toNanos();
            while (System.nanoTime() < end || kills < MIN_KILLS && System.nanoTime() < hardEnd) {
                // A random moment, 100-600 ms after the last look, in the middle of some write of the victim's.
                Thread.sleep(100 + random.nextInt(501));
                Slot victim = slots.get(random.nextInt(slots.size()));
                if (!victim.child.isAlive()) {
                    writerFailures.add(victim.child.name() + " died on its own (exit " + victim.child.awaitExit(Duration.ofSeconds(30))
                            + "): " + victim.child.tail() + " " + victim.child.stderr());
                } else if (Acks.parse(victim.child.lines()).size() < victim.killAfterAcks) {
                    continue; // not yet: it has not written its share
                } else {
                    victim.child.kill();
                    kills++;
                }
                start(victim, db, config, random);
                writersStarted++;
            }

            for (Slot slot : slots) {
                slot.child.closeStdin();
            }
            for (Slot slot : slots) {
                try {
                    int exit = slot.child.awaitExit(Duration.ofSeconds(60));
                    if (exit != 0) {
                        writerFailures.add(slot.child.name() + " exited " + exit + ": " + slot.child.tail() + " " + slot.child.stderr());
                    }
                } catch (IllegalStateException e) {
                    writerFailures.add(e.getMessage());
                    slot.child.kill();
                    kills++;
                }
            }
            visitor.closeStdin();
            int visitorExit = visitor.awaitExit(Duration.ofSeconds(60));
            if (visitorExit != 0) {
                writerFailures.add("the foreign visitor exited " + visitorExit + ": " + visitor.stderr());
            }
        } finally {
            for (Slot slot : slots) {
                if (slot.child != null) {
                    slot.child.close();
                }
            }
            visitor.close();
        }

        List<Logged> logged = new ArrayList<>();
        List<String> writerErrors = new ArrayList<>();
        for (Slot slot : slots) {
            readLog(slot.log, logged, writerErrors);
        }
        List<String> visitorErrors = visitor.lines().stream().filter(l -> l.startsWith("VISITERR")).toList();
        int visits = (int) visitor.lines().stream().filter(l -> l.startsWith("VISIT ")).count();
        Audit audit = audit(db, logged);
        return new Figures(logged.size(), kills, writersStarted, visits, audit.lost(), audit.integrity(), writerErrors, visitorErrors, writerFailures,
                seedEvents, logged.stream().map(Logged::ack).toList(), db, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Creates the board in a child JVM: this JVM must hold no connection to the file while the
     * writers run. A tack process that keeps the board open (a screen, this JVM's own cached
     * {@link Writer}) holds SQLite's shared lock on it and its lock on {@code -shm}, and so hides the
     * damage the negative control is there to show.
     */
    private static long createBoardElsewhere(Path dir, Path db) throws InterruptedException {
        try (ChildJvm creator = ChildJvm.start("board-creator", dir, BoardCreator.class, db.toString())) {
            String seeded = creator.awaitLineStartingWith("SEEDED ", Duration.ofMinutes(1));
            if (seeded == null || creator.awaitExit(Duration.ofMinutes(1)) != 0) {
                throw new IllegalStateException("could not create " + db + ": " + creator.tail() + " " + creator.stderr());
            }
            return Long.parseLong(seeded.split(" ")[1]);
        }
    }

    private static void start(Slot slot, Path db, Config config, Random random) {
        List<String> args = new ArrayList<>();
        if (config.forbidden() != null) {
            args.add("--forbidden-io=" + config.forbidden().name());
        }
        args.addAll(List.of(db.toString(), "crash" + slot.index, "0", Long.toString(random.nextLong()),
                Long.toString(LOCK_DEADLINE_MILLIS), slot.log.toString()));
        slot.killAfterAcks = 1 + random.nextInt(100);
        slot.child = ChildJvm.start("writer-" + slot.index + "." + slot.incarnation++, config.dir(), CrashWriter.class,
                args.toArray(String[]::new));
    }

    private static void requireLine(ChildJvm child, String prefix) throws InterruptedException {
        if (child.awaitLineStartingWith(prefix, Duration.ofMinutes(1)) == null) {
            throw new IllegalStateException(child.name() + " never printed " + prefix + ": " + child.tail() + " " + child.stderr());
        }
    }

    /** An acknowledged write and the process that acknowledged it. */
    record Logged(long pid, Ack ack) {
    }

    /** Reads a slot's log: complete lines only; each {@code READY pid} starts the lines of a new process. */
    private static void readLog(Path log, List<Logged> logged, List<String> errors) throws IOException {
        if (!Files.exists(log)) {
            return;
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        String complete = text.substring(0, text.lastIndexOf('\n') + 1);
        long pid = -1;
        for (String line : complete.split("\n", -1)) {
            Matcher ready = READY.matcher(line);
            Matcher ack = ACK.matcher(line);
            if (ready.matches()) {
                pid = Long.parseLong(ready.group(1));
            } else if (ack.matches()) {
                logged.add(new Logged(pid, Acks.parse(List.of(line)).get(0)));
            } else if (line.startsWith("ERR ")) {
                errors.add(line);
            }
        }
    }

    record Audit(long lost, String integrity) {
    }

    /**
     * {@code PRAGMA integrity_check}'s answer, and the acknowledged writes the file does not hold
     * (-1 when it cannot be read), on a plain JDBC connection: tack's own open might refuse a broken file.
     */
    static Audit audit(Path db, List<Logged> logged) {
        String integrity = "unread";
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            List<String> check = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
                while (rows.next()) {
                    check.add(rows.getString(1));
                }
            }
            integrity = check.equals(List.of("ok")) ? "ok" : "FAILED: " + String.join("; ", check.subList(0, Math.min(3, check.size())))
                    + (check.size() > 3 ? " (+" + (check.size() - 3) + " more)" : "");
            Set<String> writes = new HashSet<>();
            try (ResultSet rows = statement.executeQuery("SELECT pid, card_id, json_extract(after, '$.version'), kind FROM events"
                    + " WHERE card_id IS NOT NULL AND after IS NOT NULL")) {
                while (rows.next()) {
                    writes.add(rows.getLong(1) + " " + rows.getLong(2) + " " + rows.getLong(3) + " " + rows.getString(4));
                }
            }
            Set<String> comments = new HashSet<>();
            try (ResultSet rows = statement.executeQuery("SELECT id, card_id FROM comments")) {
                while (rows.next()) {
                    comments.add(rows.getLong(1) + " " + rows.getLong(2));
                }
            }
            long lost = 0;
            // Each version of a card and each comment id is made by one write: a second acknowledgement
            // of one is a write the file does not hold on its own (one that wrote nothing, or one lost
            // whose number a later write took), whoever the first was.
            Map<String, Logged> acknowledged = new HashMap<>();
            for (Logged entry : logged) {
                Ack ack = entry.ack();
                boolean present = ack.op().equals("comment")
                        ? comments.contains(ack.value() + " " + ack.cardId())
                        : writes.contains(entry.pid() + " " + ack.cardId() + " " + ack.value() + " " + EVENT_KINDS.get(ack.op()));
                String made = ack.op().equals("comment") ? "comment " + ack.value() : "card " + ack.cardId() + " at " + ack.value();
                Logged first = acknowledged.putIfAbsent(made, entry);
                if (!present || first != null) {
                    lost++;
                    // what was lost, to tell a real loss from an acknowledgement that leaves no event
                    System.out.println("[tack-mp] crash harness: lost " + ack.op() + " of card " + ack.cardId() + " at "
                            + ack.value() + " by pid " + entry.pid()
                            + (first == null ? "" : " (" + made + " is acknowledged as well as " + first.ack().op() + " by pid " + first.pid() + ")"));
                }
            }
            return new Audit(lost, integrity);
        } catch (SQLException e) {
            return new Audit(-1, integrity.equals("ok") ? "ok, but then " + e.getMessage().replace('\n', ' ')
                    : "FAILED: " + e.getMessage().replace('\n', ' '));
        }
    }
}
