package dev.tack.cli;

import java.time.Duration;
import dev.tack.board.Claims;
import dev.tack.board.Workspace;
import dev.tack.worker.Worker;
import dev.tack.worker.WorkerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Run a background worker: claim cards from --from, run --exec for each, move them to --to.",
            "The command runs through /bin/sh with TACK_DB, TACK_BOARD, TACK_CARD_ID, TACK_CARD_TITLE, TACK_RUN_ID and",
            "TACK_ATTEMPT set, and the card as JSON on standard input; `tack` in the command, and $TACK in its scripts,",
            "is this same tack. Exit 0 moves the card to --to; anything else",
            "retries after --backoff, up to --max-attempts, then moves it to --fail (or marks it failed)."})
final class WorkerCommand extends BaseCommand {

    @Option(names = "--from", required = true, paramLabel = "COLUMN", description = "Take cards from this column.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "COLUMN", description = "Move finished cards here.")
    String to;

    @Option(names = "--exec", required = true, paramLabel = "COMMAND", description = "Shell command to run for each card.")
    String command;

    @Option(names = "--doing", paramLabel = "COLUMN", description = "Move claimed cards here while they run (default: the lane's doing column, see tack column doing).")
    String doing;

    @Option(names = "--fail", paramLabel = "COLUMN", description = "Move cards here when out of attempts.")
    String fail;

    @Option(names = "--name", paramLabel = "NAME", description = "This worker's name (default: worker-<pid>).")
    String name;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "1", converter = Converters.AtLeastOne.class, description = "Commands at once (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--lease", paramLabel = "DURATION", converter = Converters.Wait.class, defaultValue = "60s", description = "Lease on a claimed card (default ${DEFAULT-VALUE}).")
    Duration lease;

    @Option(names = "--heartbeat", paramLabel = "DURATION", converter = Converters.Wait.class, defaultValue = "10s", description = "How often to extend the lease (default ${DEFAULT-VALUE}).")
    Duration heartbeat;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.Wait.class, defaultValue = "30m", description = "Kill a command after this long (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "3", converter = Converters.AtLeastOne.class, description = "Attempts per card (default ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--backoff", paramLabel = "DURATION", converter = Converters.Wait.class, defaultValue = "10s", description = "Wait before retrying a failed card (default ${DEFAULT-VALUE}).")
    Duration backoff;

    @Option(names = "--grace", paramLabel = "DURATION", converter = Converters.Wait.class, defaultValue = "10s", description = "On SIGTERM/Ctrl+C, wait this long for running commands (default ${DEFAULT-VALUE}).")
    Duration grace;

    @Option(names = "--once", description = "Run one card, then exit.")
    boolean once;

    @Option(names = "--pause-after", paramLabel = "N", defaultValue = "0",
            description = "Pause the lane after N failures in a row with the same exit code: no more claims, exit 7 once"
                    + " the running commands end (default 0: never).")
    int pauseAfter;

    @Option(names = "--exit-when-idle", description = "Exit when there is nothing to claim and nothing running.")
    boolean exitWhenIdle;

    @Override
    protected int execute() {
        String workerName = firstNonBlank(name, "worker-" + ProcessHandle.current().pid());
        // Without --doing, the lane's own doing column (tack column doing), as agents' claims use it.
        String moveTo = doing != null ? doing : new dev.tack.board.Columns(workspace()).doingOf(from).orElse(null);
        WorkerConfig config = new WorkerConfig(new Claims.Lanes(from, to, moveTo, fail), command, workerName, concurrency,
                lease, heartbeat, timeout,
                maxAttempts, backoff, grace, once, exitWhenIdle, pauseAfter);
        Workspace base = workspace();
        // Events are signed with the worker's name, so the log reads "worker-7 finished #12".
        Workspace asWorker = base.as(new dev.tack.model.Actor(
                globals().actor != null ? globals().actor : workerName, base.actor().host(), base.actor().pid()));
        return new Worker(asWorker, config, err()).run();
    }
}
