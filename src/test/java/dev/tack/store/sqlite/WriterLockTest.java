package dev.tack.store.sqlite;

import dev.tack.model.Hosts;
import dev.tack.model.TackException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import dev.tack.model.Actor;
import dev.tack.testing.ChildJvm;
import dev.tack.testing.LockHolder;
import dev.tack.testing.LockLoop;
import dev.tack.testing.TaggedWrite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write lock itself (docs/ARCHITECTURE.md §2 rule 2): threads of one JVM and separate JVMs exclude each
 * other; a holder killed with {@code kill -9} hands the lock over at once; a stopped holder makes a
 * waiter fail with BUSY at its deadline, naming the holder; a person who waits goes before background
 * writers that were waiting longer.
 */
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class WriterLockTest {

    @TempDir
    Path dir;

    private Path db;
    private final List<ChildJvm> children = new ArrayList<>();
    private ExecutorService pool;

    @BeforeEach
    void createBoard() {
        db = dir.resolve("tack.db");
        BoardAudit.createBoard(db);
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void cleanUp() {
        children.forEach(ChildJvm::close);
        pool.shutdownNow();
    }

    private ChildJvm start(String name, Class<?> main, String... args) {
        ChildJvm child = ChildJvm.start(name, dir, main, args);
        children.add(child);
        return child;
    }

    private static Database open(Path file, Duration deadline) {
        return Database.open(file, new Database.Options(false, false, deadline), tx -> null);
    }

    @Test
    void threadsOfOneJvmNeverOverlapInsideTheLock() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicInteger entered = new AtomicInteger();
        int threads = 4;
        int writesEach = 60;
        // Two Database objects on one file, as a screen and a worker thread in one process would have.
        try (Database first = open(db, Duration.ofSeconds(30)); Database second = open(db, Duration.ofSeconds(30))) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Database database = t % 2 == 0 ? first : second;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < writesEach; i++) {
                        database.writer().write(tx -> {
                            int now = inside.incrementAndGet();
                            maxInside.accumulateAndGet(now, Math::max);
                            entered.incrementAndGet();
                            tx.update("UPDATE boards SET name = name");
                            sleepInsideTheLock();
                            inside.decrementAndGet();
                            return null;
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
        }
        assertThat(entered.get()).isEqualTo(threads * writesEach);
        assertThat(maxInside.get()).as("threads inside the write lock at once").isEqualTo(1);
    }

    /** Tests may sleep inside the lock to widen any overlap; tack's own code never does. */
    private static void sleepInsideTheLock() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void separateJvmsNeverOverlapInsideTheLock() throws Exception {
        Path marker = dir.resolve("inside.marker");
        int iterations = 150;
        List<ChildJvm> loops = List.of(
                start("loop-a", LockLoop.class, db.toString(), marker.toString(), Integer.toString(iterations)),
                start("loop-b", LockLoop.class, db.toString(), marker.toString(), Integer.toString(iterations)));
        for (ChildJvm loop : loops) {
            assertThat(loop.awaitLineStartingWith("READY ", Duration.ofMinutes(1))).as(loop.stderr()).isNotNull();
        }
        loops.forEach(loop -> loop.send("go"));
        // This JVM joins in from a thread of its own.
        AtomicInteger parentOverlaps = new AtomicInteger();
        try (Database database = open(db, Duration.ofSeconds(30))) {
            for (int i = 0; i < iterations; i++) {
                int n = i;
                if (database.writer().write(tx -> LockLoop.enterAndLeave(marker, null, n))) {
                    parentOverlaps.incrementAndGet();
                }
            }
        }
        for (ChildJvm loop : loops) {
            assertThat(loop.awaitExit(Duration.ofMinutes(2))).as(loop.stderr()).isZero();
            assertThat(loop.lines()).as(loop.name()).contains("DONE " + iterations + " 0 .")
                    .noneMatch(line -> line.startsWith("OVERLAP"));
        }
        assertThat(parentOverlaps.get()).isZero();
    }

    @Test
    void anotherJvmInsideAWriteHoldsTheSideLockAndMakesThisJvmWait() throws Exception {
        ChildJvm holder = start("holder", LockHolder.class, db.toString(), "-1"); // holds until told
        String held = holder.awaitLineStartingWith("HELD ", Duration.ofMinutes(1));
        assertThat(held).as(holder.stderr()).isNotNull();
        long heldEvent = Long.parseLong(held.split(" ")[2]);

        // The side file is locked by the holder: an outside probe cannot take it.
        Path lockFile = db.resolveSibling("tack.db.lock");
        try (FileChannel probe = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            assertThat(probe.tryLock(0, 1, false)).as("tryLock on %s while another JVM writes", lockFile).isNull();
        }

        // A waiter with a short deadline fails on the side lock (not on SQLite's), naming the holder.
        try (Database impatient = open(db, Duration.ofMillis(500))) {
            assertThatThrownBy(() -> impatient.writer().write(tx -> null))
                    .isInstanceOfSatisfying(TackException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TackException.Kind.BUSY);
                        assertThat(e.getMessage()).contains("has held the write lock", "lock-holder", "pid " + holder.pid());
                    });
        }

        // A patient waiter waits while the holder holds, and gets in only after the holder committed:
        // it sees the holder's event.
        try (Database patient = open(db, Duration.ofSeconds(30))) {
            Future<Long> waiter = pool.submit(() -> patient.writer().write(
                    tx -> tx.number("SELECT count(*) FROM events WHERE id = ? AND kind = 'test.held'", heldEvent)));
            Thread.sleep(300);
            assertThat(waiter.isDone()).as("the waiter got in while another JVM held the lock").isFalse();
            holder.send("release");
            assertThat(waiter.get(1, TimeUnit.MINUTES)).as("the holder's event, committed before this write began").isEqualTo(1);
        }
        assertThat(holder.awaitExit(Duration.ofMinutes(1))).isZero();
        assertThat(holder.lines()).contains("RELEASING .", "RELEASED .");
        try (FileChannel probe = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = probe.tryLock(0, 1, false)) {
            assertThat(lock).as("the side lock is free once the holder is done").isNotNull();
        }
    }

    @Test
    void eachDatabaseOpenedOnOneFileKeepsItsOwnLockDeadline() throws Exception {
        ChildJvm holder = start("holder", LockHolder.class, db.toString(), "-1"); // holds until told
        assertThat(holder.awaitLineStartingWith("HELD ", Duration.ofMinutes(1))).as(holder.stderr()).isNotNull();
        // The impatient handle is opened first; a patient one opened after it on the same file used to
        // set the deadline of the one shared writer for both.
        try (Database impatient = open(db, Duration.ofMillis(300));
             Database patient = open(db, Duration.ofMinutes(2))) {
            Future<Long> waiter = pool.submit(() -> patient.writer().write(tx -> tx.number("SELECT 1")));
            assertThatThrownBy(() -> impatient.writer().write(tx -> null))
                    .isInstanceOfSatisfying(TackException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TackException.Kind.BUSY);
                        assertThat(e.getMessage()).contains("for over 300 ms");
                    });
            assertThat(waiter.isDone()).as("the patient handle gave up with the impatient one").isFalse();
            holder.send("release");
            assertThat(waiter.get(1, TimeUnit.MINUTES)).isEqualTo(1);
        }
        assertThat(holder.awaitExit(Duration.ofMinutes(1))).isZero();
    }

    @Test
    void aWaitingPersonGoesBeforeBackgroundWritersThatWaitedLonger() throws Exception {
        // Without the flag, two pollers at the same back-off cap would each win about half the time:
        // three rounds in a row for the person are the rule at work, not luck (1 in 8).
        for (int round = 1; round <= 3; round++) {
            ChildJvm holder = start("holder-" + round, LockHolder.class, db.toString(), "-1");
            assertThat(holder.awaitLineStartingWith("HELD ", Duration.ofMinutes(1))).as(holder.stderr()).isNotNull();
            ChildJvm worker = start("worker-" + round, TaggedWrite.class, db.toString(), "worker", "background");
            assertThat(worker.awaitLineStartingWith("WAITING", Duration.ofMinutes(1))).as(worker.stderr()).isNotNull();
            Thread.sleep(300); // the worker is polling at its slowest by now
            ChildJvm person = start("person-" + round, TaggedWrite.class, db.toString(), "person", "person");
            assertThat(person.awaitLineStartingWith("WAITING", Duration.ofMinutes(1))).as(person.stderr()).isNotNull();
            Thread.sleep(300);
            holder.send("release");

            long personEvent = wroteEvent(person);
            long workerEvent = wroteEvent(worker);
            assertThat(personEvent).as("round %d: the person's write commits before the worker's", round).isLessThan(workerEvent);
            assertThat(holder.awaitExit(Duration.ofMinutes(1))).isZero();
        }
    }

    @Test
    void aTackCommandRunByAWorkersJobIsBackgroundWorkToo() throws Exception {
        try (Database seed = open(db, Duration.ofSeconds(10))) {
            new dev.tack.board.Cards(new dev.tack.board.Workspace(seed, new Actor("seed", Hosts.name(), 1), null))
                    .add(dev.tack.board.NewCard.titled("the job's card"));
        }
        for (int round = 1; round <= 3; round++) {
            ChildJvm holder = start("holder-" + round, LockHolder.class, db.toString(), "-1");
            assertThat(holder.awaitLineStartingWith("HELD ", Duration.ofMinutes(1))).as(holder.stderr()).isNotNull();
            // A job's `tack comment` on its card: the worker puts TACK_RUN_ID in the job's environment.
            List<String> command = new ArrayList<>(List.of("env", "TACK_RUN_ID=" + round));
            command.addAll(ChildJvm.command(dir, dev.tack.Main.class, "--db", db.toString(), "--as", "job", "comment", "1",
                    "progress " + round));
            ChildJvm job = ChildJvm.startCommand("job-" + round, command);
            children.add(job);
            Thread.sleep(1_500); // the job's JVM has started and waits for the lock
            ChildJvm person = start("person-" + round, TaggedWrite.class, db.toString(), "person", "person");
            assertThat(person.awaitLineStartingWith("WAITING", Duration.ofMinutes(1))).as(person.stderr()).isNotNull();
            Thread.sleep(300);
            holder.send("release");

            long personEvent = wroteEvent(person);
            assertThat(job.awaitExit(Duration.ofMinutes(1))).as(job.stderr()).isZero();
            String progress = "progress " + round;
            try (Database check = open(db, Duration.ofSeconds(10))) {
                long jobEvent = check.read(tx -> tx.number("SELECT max(id) FROM events WHERE actor = 'job'"));
                long comments = check.read(tx -> tx.number("SELECT count(*) FROM comments WHERE body = ?", progress));
                assertThat(comments).isEqualTo(1);
                assertThat(personEvent).as("round %d: the person's write commits before the job's", round).isLessThan(jobEvent);
            }
            assertThat(holder.awaitExit(Duration.ofMinutes(1))).isZero();
        }
    }

    private record PersonBehindHolder(ChildJvm holder, ChildJvm person) {
    }

    /** A child JVM holding the write lock until told, and a person's write waiting behind it with its flag up. */
    private PersonBehindHolder personWaitingBehindAHolder() throws InterruptedException {
        ChildJvm holder = start("holder", LockHolder.class, db.toString(), "-1");
        assertThat(holder.awaitLineStartingWith("HELD ", Duration.ofMinutes(1))).as(holder.stderr()).isNotNull();
        ChildJvm person = start("person", TaggedWrite.class, db.toString(), "person", "person");
        assertThat(person.awaitLineStartingWith("WAITING", Duration.ofMinutes(1))).as(person.stderr()).isNotNull();
        Thread.sleep(300); // the person polls the lock by now, its flag up
        return new PersonBehindHolder(holder, person);
    }

    @Test
    void backgroundWorkThatKeepsDeferringToAPersonSaysSoAtItsDeadline() throws Exception {
        PersonBehindHolder waiting = personWaitingBehindAHolder();
        ChildJvm holder = waiting.holder();
        ChildJvm person = waiting.person();
        try (Database background = open(db, Duration.ofMillis(500))) {
            background.writer().yieldToPeople(); // this test's own file: no other test shares the writer
            assertThatThrownBy(() -> background.writer().write(tx -> null))
                    .isInstanceOfSatisfying(TackException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TackException.Kind.BUSY);
                        assertThat(e.getMessage()).contains("people kept waiting", "background work lets them go first");
                    });
        }
        holder.send("release");
        assertThat(wroteEvent(person)).isPositive();
    }

    @Test
    void aFlagLeftUpByAStoppedPersonHoldsBackgroundWorkOnlyAWhile() throws Exception {
        PersonBehindHolder waiting = personWaitingBehindAHolder();
        ChildJvm holder = waiting.holder();
        ChildJvm person = waiting.person();
        person.signal("STOP");
        holder.send("release");
        assertThat(holder.awaitExit(Duration.ofMinutes(1))).isZero();
        try (Database background = open(db, Duration.ofSeconds(10))) {
            background.writer().yieldToPeople(); // this test's own file: no other test shares the writer
            long start = System.nanoTime();
            background.writer().write(tx -> null);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).as("deferred to the stopped person's flag, then wrote").isBetween(Duration.ofMillis(1_500),
                    Duration.ofSeconds(8));
        } finally {
            person.signal("CONT");
        }
        assertThat(wroteEvent(person)).isPositive();
    }

    private static long wroteEvent(ChildJvm child) throws InterruptedException {
        String wrote = child.awaitLineStartingWith("WROTE ", Duration.ofMinutes(1));
        assertThat(wrote).as(child.name() + ": " + child.stderr()).isNotNull();
        return Long.parseLong(wrote.split(" ")[1]);
    }

    @Test
    void holderKilledWithSigkillHandsTheLockOverAtOnce() throws Exception {
        ChildJvm holder = start("holder", LockHolder.class, db.toString(), "-1");
        String held = holder.awaitLineStartingWith("HELD ", Duration.ofMinutes(1));
        assertThat(held).as(holder.stderr()).isNotNull();

        Duration deadline = Duration.ofSeconds(10);
        AtomicLong enteredAt = new AtomicLong();
        Actor actor = new Actor("waiter", Hosts.name(), ProcessHandle.current().pid());
        try (Database database = open(db, deadline)) {
            Future<Long> waiter = pool.submit(() -> database.writer().write(tx -> {
                enteredAt.set(System.nanoTime());
                long holderEvents = tx.number("SELECT count(*) FROM events WHERE kind = 'test.held'");
                EventTable.append(tx, actor, null, null, "test.after-kill", "after the kill", null, null);
                return holderEvents;
            }));
            Thread.sleep(300); // let the waiter start polling the side lock
            assertThat(waiter.isDone()).as("the waiter got in while the holder held the lock").isFalse();

            long killedAt = System.nanoTime();
            holder.process().destroyForcibly(); // SIGKILL
            long heldEventAfterKill = waiter.get(deadline.toMillis() * 2, TimeUnit.MILLISECONDS);
            long handOverMillis = TimeUnit.NANOSECONDS.toMillis(enteredAt.get() - killedAt);
            holder.awaitExit(Duration.ofSeconds(30));

            assertThat(holder.process().exitValue()).as("killed by signal 9").isEqualTo(137);
            assertThat(heldEventAfterKill).as("the killed holder's uncommitted event was rolled back").isZero();
            assertThat(handOverMillis).as("hand-over after kill -9, in ms (deadline %d ms)", deadline.toMillis())
                    .isLessThan(deadline.toMillis());
            assertThat(database.<List<String>>read(Integrity::problems)).isEmpty();
            System.out.printf("[tack-mp] lock hand-over after kill -9 of the holder: %d ms (deadline %d ms)%n",
                    handOverMillis, deadline.toMillis());
        }
    }

    /**
     * A FileChannel is interruptible: interrupting a thread inside a channel operation closes the
     * channel, and with it every POSIX lock of the process on that file. An interrupt that reaches a
     * thread waiting for the side lock must fail that write cleanly and leave the JVM able to write.
     */
    @Test
    void aWaiterThatIsInterruptedFailsCleanlyAndLaterWritesStillWork() throws Exception {
        ChildJvm holder = start("holder", LockHolder.class, db.toString(), "-1");
        assertThat(holder.awaitLineStartingWith("HELD ", Duration.ofMinutes(1))).as(holder.stderr()).isNotNull();
        try (Database database = open(db, Duration.ofSeconds(20))) {
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread waiter = new Thread(() -> {
                try {
                    outcome.set(database.writer().write(tx -> "entered"));
                } catch (RuntimeException e) {
                    outcome.set(e);
                }
            }, "interrupted-waiter");
            waiter.start();
            Thread.sleep(300); // let it poll the side lock
            assertThat(waiter.isAlive()).as("the waiter waits while another process holds the lock").isTrue();
            waiter.interrupt();
            waiter.join(TimeUnit.MINUTES.toMillis(1));
            assertThat(outcome.get()).as("the interrupted write").isInstanceOfSatisfying(TackException.class,
                    e -> assertThat(e.getMessage()).contains("interrupted"));
            holder.send("release");
            assertThat(holder.awaitExit(Duration.ofMinutes(1))).isZero();

            // The JVM's writer still works, from another thread and from this one.
            Future<Long> later = pool.submit(() -> database.writer().write(tx -> tx.number("SELECT count(*) FROM events")));
            assertThat(later.get(1, TimeUnit.MINUTES)).isPositive();
            assertThat(database.writer().<Integer>write(tx -> tx.update("UPDATE boards SET name = name"))).isEqualTo(1);

            // And the side lock still excludes other processes (the channel was not silently closed).
            ChildJvm second = start("holder-2", LockHolder.class, db.toString(), "-1");
            assertThat(second.awaitLineStartingWith("HELD ", Duration.ofMinutes(1))).as(second.stderr()).isNotNull();
            try (Database impatient = open(db, Duration.ofMillis(300))) {
                assertThatThrownBy(() -> impatient.writer().write(tx -> null))
                        .isInstanceOfSatisfying(TackException.class, e -> assertThat(e.getMessage()).contains("pid " + second.pid()));
            }
        }
    }

    @Test
    void stoppedHolderMakesAWaiterFailBusyAtItsDeadlineNamingTheHolder() throws Exception {
        ChildJvm holder = start("holder", LockHolder.class, db.toString(), "-1");
        assertThat(holder.awaitLineStartingWith("HELD ", Duration.ofMinutes(1))).as(holder.stderr()).isNotNull();
        holder.signal("STOP");
        try (Database database = open(db, Duration.ofSeconds(1))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> database.writer().write(tx -> null))
                    .isInstanceOfSatisfying(TackException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TackException.Kind.BUSY);
                        assertThat(e.kind().exitCode()).isEqualTo(5);
                        assertThat(e.getMessage()).startsWith("board is busy: ")
                                .contains("lock-holder", "pid " + holder.pid(), "has held the write lock")
                                .doesNotContain("\n");
                    });
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // It waited for its deadline rather than failing at once (no upper bound: no timing assertion).
            assertThat(waitedMillis).isGreaterThanOrEqualTo(1000);
            System.out.printf("[tack-mp] waiter behind a SIGSTOPped holder failed BUSY after %d ms (deadline 1000 ms)%n", waitedMillis);

            holder.signal("CONT");
            holder.kill();
            database.writer().write(tx -> tx.update("UPDATE boards SET name = name"));
            assertThat(database.<List<String>>read(Integrity::problems)).isEmpty();
        }
    }
}
