package dev.tack.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import dev.tack.testing.Acks;
import dev.tack.testing.Acks.Ack;
import dev.tack.testing.ChildJvm;
import dev.tack.testing.WriterDriver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers die with {@code kill -9} at random moments, again and again, while others keep writing.
 * Afterwards the file is sound and holds every write that any process acknowledged (a driver prints
 * its acknowledgement only after the commit returned, and this test reads every child's stdout
 * continuously, so a line flushed before the kill is never lost).
 */
@Tag("slow")
class KilledWritersProcessTest {

    private static final int KILLS = 60;
    private static final int SURVIVORS = 2;
    private static final int VICTIM_SLOTS = 3;

    @TempDir
    Path dir;

    /** When a victim dies: after it acknowledged a write, right after it opened the board, or blindly after spawning. */
    private enum Moment { AFTER_FIRST_ACK, JUST_AFTER_READY, BLIND }

    private static final class Victim {
        final ChildJvm child;
        final Moment moment;
        final long delayNanos;
        final long spawnedAt = System.nanoTime();
        long armedAt = -1;
        boolean armedByItsWrites;

        Victim(ChildJvm child, Moment moment, long delayNanos) {
            this.child = child;
            this.moment = moment;
            this.delayNanos = delayNanos;
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void writersKilledAgainAndAgainLoseNoAcknowledgedWrite() throws Exception {
        long started = System.nanoTime();
        Path db = dir.resolve("tack.db");
        long seedEvents = BoardAudit.createBoard(db);
        Random random = new Random(42);

        List<ChildJvm> survivors = new ArrayList<>();
        List<ChildJvm> dead = new ArrayList<>();
        Victim[] slots = new Victim[VICTIM_SLOTS];
        int spawned = 0;
        int kills = 0;
        int killsAfterAck = 0;
        int killsBeforeReady = 0;
        try {
            for (int i = 0; i < SURVIVORS; i++) {
                ChildJvm survivor = ChildJvm.start("survivor-" + i, dir, WriterDriver.class, db.toString(), "survivor" + i, "0",
                        Long.toString(7 + i));
                survivors.add(survivor);
                assertThat(survivor.awaitLineStartingWith("READY ", Duration.ofMinutes(1))).as(survivor.stderr()).isNotNull();
            }
            long survivorAcksBefore = survivors.stream().mapToLong(s -> Acks.parse(s.lines()).size()).sum();

            while (kills < KILLS) {
                for (int slot = 0; slot < VICTIM_SLOTS; slot++) {
                    Victim victim = slots[slot];
                    if (victim == null) {
                        int dice = random.nextInt(100);
                        Moment moment = dice < 70 ? Moment.AFTER_FIRST_ACK : dice < 85 ? Moment.JUST_AFTER_READY : Moment.BLIND;
                        long delayMillis = switch (moment) {
                            case AFTER_FIRST_ACK -> random.nextInt(300);
                            case JUST_AFTER_READY -> random.nextInt(30);
                            case BLIND -> random.nextInt(1200);
                        };
                        ChildJvm child = ChildJvm.start("victim-" + spawned, dir, WriterDriver.class, db.toString(),
                                "victim" + spawned, "0", Long.toString(100 + spawned));
                        spawned++;
                        slots[slot] = new Victim(child, moment, Duration.ofMillis(delayMillis).toNanos());
                        continue;
                    }
                    if (!victim.child.isAlive()) {
                        victim.child.awaitExit(Duration.ofSeconds(30));
                        throw new AssertionError(victim.child.name() + " died on its own: " + victim.child.tail() + " " + victim.child.stderr());
                    }
                    if (victim.armedAt < 0) {
                        String armLine = switch (victim.moment) {
                            case AFTER_FIRST_ACK -> victim.child.awaitLineStartingWith("ACK ", Duration.ZERO);
                            case JUST_AFTER_READY -> victim.child.awaitLineStartingWith("READY ", Duration.ZERO);
                            case BLIND -> "";
                        };
                        if (armLine != null) {
                            victim.armedAt = victim.moment == Moment.BLIND ? victim.spawnedAt : System.nanoTime();
                            victim.armedByItsWrites = victim.moment == Moment.AFTER_FIRST_ACK;
                        } else if (System.nanoTime() - victim.spawnedAt > TimeUnit.SECONDS.toNanos(30)) {
                            victim.armedAt = System.nanoTime(); // a victim that never got to write dies anyway
                        }
                    }
                    if (victim.armedAt >= 0 && System.nanoTime() - victim.armedAt >= victim.delayNanos) {
                        victim.child.kill();
                        kills++;
                        List<String> lines = victim.child.lines();
                        if (victim.armedByItsWrites) {
                            killsAfterAck++;
                        }
                        if (lines.stream().noneMatch(l -> l.startsWith("READY "))) {
                            killsBeforeReady++;
                        }
                        dead.add(victim.child);
                        slots[slot] = null;
                    }
                }
                Thread.sleep(3);
            }
            for (Victim victim : slots) {
                if (victim != null) {
                    victim.child.kill();
                    dead.add(victim.child);
                    kills++;
                }
            }
            long survivorAcksDuringKills = survivors.stream().mapToLong(s -> Acks.parse(s.lines()).size()).sum() - survivorAcksBefore;
            for (ChildJvm survivor : survivors) {
                survivor.closeStdin();
            }

            List<Ack> acks = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (ChildJvm survivor : survivors) {
                int exit = survivor.awaitExit(Duration.ofMinutes(1));
                assertThat(exit).as("%s exit; stderr %s", survivor.name(), survivor.stderr()).isZero();
                assertThat(survivor.lines()).anyMatch(l -> l.startsWith("DONE "));
                acks.addAll(Acks.parse(survivor.lines()));
                errors.addAll(Acks.errors(survivor.lines()));
                assertThat(Acks.unexpected(survivor.lines())).isEmpty();
            }
            int victimAcks = 0;
            for (ChildJvm victim : dead) {
                List<Ack> victimAcked = Acks.parse(victim.lines());
                victimAcks += victimAcked.size();
                acks.addAll(victimAcked);
                errors.addAll(Acks.errors(victim.lines()));
                assertThat(Acks.unexpected(victim.lines())).as(victim.name()).isEmpty();
            }
            assertThat(errors).as("writes that failed while others were being killed").isEmpty();
            assertThat(kills).isGreaterThanOrEqualTo(KILLS);
            assertThat(killsAfterAck).as("kills that hit a process in the middle of writing").isGreaterThanOrEqualTo(KILLS / 2);
            assertThat(survivorAcksDuringKills).as("the survivors kept writing during the kills").isPositive();
            assertThat(victimAcks).as("the victims wrote before dying").isPositive();

            BoardAudit.Summary summary = BoardAudit.verify(db, acks, seedEvents, false, kills);
            System.out.printf("[tack-mp] kill -9: %d kills (%d after the victim had acknowledged a write, %d before it opened the board)"
                            + " of %d victims; %d writes acknowledged (%d by victims, %d by survivors during the kills);"
                            + " %d events in the file, so %d committed writes lost only their acknowledgement; in %d ms%n",
                    kills, killsAfterAck, killsBeforeReady, spawned, acks.size(), victimAcks, survivorAcksDuringKills,
                    summary.events(), summary.events() - acks.size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
        } finally {
            survivors.forEach(ChildJvm::close);
            for (Victim victim : slots) {
                if (victim != null) {
                    victim.child.close();
                }
            }
        }
    }
}
