package dev.tack.board;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.tack.model.Board;
import dev.tack.model.Card;
import dev.tack.model.Column;
import dev.tack.model.Run;
import dev.tack.store.StorageTx;

/**
 * {@code tack doctor} (issue 16): the board as a work queue, checked for what needs a person —
 * the file's integrity and journal mode, claims whose holder is gone or whose lease ran out, ready
 * cards nobody took for long, and workers whose last runs all failed. Each finding is one line with
 * what to do. Reads only (the integrity check is {@code tack check}'s); time from the injected clock.
 */
public final class Doctor {

    /** One check: its name, whether it passed, what it found, and what to do about it (null when it passed). */
    public record Finding(String check, boolean ok, String found, String action) {
    }

    /** How strict to be: ready cards unclaimed longer than {@code staleAfter}, workers whose last {@code failedRuns} runs failed, the lanes to watch (empty: the board's). */
    public record Limits(Duration staleAfter, int failedRuns, List<String> lanes) {
    }

    private final Workspace workspace;
    private final Claims claims;

    public Doctor(Workspace workspace) {
        this.workspace = workspace;
        this.claims = new Claims(workspace);
    }

    public List<Finding> examine(Limits limits) {
        List<Finding> findings = new ArrayList<>();
        List<String> problems = workspace.integrityProblems();
        List<String> journal = problems.stream().filter(p -> p.startsWith("journal mode")).toList();
        List<String> integrity = problems.stream().filter(p -> !p.startsWith("journal mode")).toList();
        findings.add(integrity.isEmpty() ? new Finding("integrity", true, "the database passed tack check", null)
                : new Finding("integrity", false, String.join("; ", integrity), "see: tack check; restore from a backup (tack restore-backup) if the file is damaged"));
        if (Workspace.isServer(workspace.location())) {
            findings.add(new Finding("journal", true, "PostgreSQL keeps its own write-ahead log", null));
        } else {
            findings.add(journal.isEmpty() ? new Finding("journal", true, "journal mode is wal", null)
                    : new Finding("journal", false, journal.get(0), "run any tack command that writes (tack check) to switch it back; stop the program that changes it"));
        }
        findings.addAll(workspace.read(tx -> queue(tx, limits)));
        return findings;
    }

    private List<Finding> queue(StorageTx tx, Limits limits) {
        Board board = workspace.board(tx);
        long now = workspace.clock().millis();
        List<Finding> findings = new ArrayList<>();
        List<Column> columns = tx.columns().ofBoard(board.id());
        int stuck = 0;
        for (Column column : columns) {
            for (Card card : tx.cards().claimedIn(column.id())) {
                Card.Claim claim = card.claim();
                boolean gone = claims.holderDead(tx, claim);
                if (gone || claim.leaseUntilMillis() < now) {
                    stuck++;
                    String why = gone ? "its holder " + claim.worker() + " (pid " + claim.pid() + " on " + claim.host() + ") is gone"
                            : claim.worker() + "'s lease ran out " + ago(now - claim.leaseUntilMillis()) + " ago";
                    findings.add(new Finding("claims", false, "#" + card.id() + " in " + column.name() + ": " + why,
                            "a worker on " + column.name() + "'s lane or the next tack claim --next there takes it back; or move it: tack mv "
                                    + card.id() + " COLUMN"));
                }
            }
        }
        if (stuck == 0) {
            findings.add(new Finding("claims", true, "no claim whose holder is gone or whose lease ran out", null));
        }

        int waiting = 0;
        Readiness readiness = Readiness.in(tx);
        for (Column lane : lanes(tx, board, columns, limits.lanes())) {
            for (Card card : tx.cards().claimable(lane.id(), now, 0, 1000)) {
                if (!readiness.of(card.id()).ready()) {
                    continue;
                }
                long idle = now - Instant.parse(card.updatedAt()).toEpochMilli();
                if (idle > limits.staleAfter().toMillis()) {
                    waiting++;
                    findings.add(new Finding("waiting", false, "#" + card.id() + " in " + lane.name() + " is ready and nobody took it for "
                            + ago(idle), "start a worker or an agent on " + lane.name() + " (tack worker --from " + lane.name()
                            + " …, tack claim --next --from " + lane.name() + ")"));
                }
            }
        }
        if (waiting == 0) {
            findings.add(new Finding("waiting", true, "no ready card waits longer than " + ago(limits.staleAfter().toMillis()), null));
        }

        int failing = 0;
        for (Map.Entry<String, List<Run>> worker : lastRunsByWorker(tx, board, limits.failedRuns()).entrySet()) {
            List<Run> runs = worker.getValue();
            if (runs.size() < limits.failedRuns() || !runs.stream().allMatch(Doctor::failed)) {
                continue;
            }
            failing++;
            Set<String> exits = new LinkedHashSet<>();
            runs.forEach(r -> exits.add(r.exitCode() == null ? r.outcome() : "exit " + r.exitCode()));
            findings.add(new Finding("workers", false, "worker " + worker.getKey() + ": its last " + runs.size() + " runs all failed ("
                    + String.join(", ", exits) + "; cards " + String.join(", ", runs.stream().map(r -> "#" + r.cardId()).toList()) + ")",
                    "fix its command (see: tack runs, tack show " + runs.get(0).cardId() + "), then start the worker again"));
        }
        if (failing == 0) {
            findings.add(new Finding("workers", true, "no worker whose last " + limits.failedRuns() + " runs all failed", null));
        }
        return findings;
    }

    private static boolean failed(Run run) {
        return run.outcome().equals("failed") || run.outcome().equals("timed-out");
    }

    /** The columns whose ready cards should not wait: those asked for, else those with a doing column, else the board's first. */
    private static List<Column> lanes(StorageTx tx, Board board, List<Column> columns, List<String> asked) {
        if (!asked.isEmpty()) {
            return asked.stream().map(name -> Columns.find(tx, board, name)).toList();
        }
        List<Column> lanes = columns.stream().filter(c -> Columns.doingOf(tx, board, c).isPresent()).toList();
        return !lanes.isEmpty() ? lanes : columns.isEmpty() ? List.of() : List.of(columns.get(0));
    }

    /** Each worker's (not agent's) succeeded and failed runs on this board, newest first, at most {@code count} each. */
    private static Map<String, List<Run>> lastRunsByWorker(StorageTx tx, Board board, int count) {
        Map<String, List<Run>> byWorker = new LinkedHashMap<>();
        Map<Long, Boolean> onBoard = new LinkedHashMap<>();
        for (Run run : tx.runs().recent(false, 2000)) {
            // the command's own results only: a lost, stale, released or cancelled run says nothing about the command
            if (run.pid() == Claims.NO_PROCESS || !(failed(run) || run.outcome().equals("succeeded"))
                    || !onBoard.computeIfAbsent(run.cardId(), id -> tx.cards().byId(id).map(c -> c.boardId() == board.id()).orElse(false))) {
                continue;
            }
            List<Run> runs = byWorker.computeIfAbsent(run.worker(), w -> new ArrayList<>());
            if (runs.size() < count) {
                runs.add(run);
            }
        }
        return byWorker;
    }

    private static String ago(long millis) {
        Duration d = Duration.ofMillis(Math.max(0, millis));
        if (d.toDays() > 0) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() + " s";
    }
}
