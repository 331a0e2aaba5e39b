package dev.tack.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.tack.board.Json;
import dev.tack.board.Queries;
import dev.tack.model.Event;
import java.util.Optional;
import dev.tack.board.Changes;
import dev.tack.model.TackException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "log", mixinStandardHelpOptions = true,
        description = "The event log; --follow streams new events as other processes commit them.")
final class LogCommand extends BaseCommand {

    private static final long POLL_MILLIS = 25;
    private static final long FILE_CHECK_MILLIS = 500;

    @Option(names = {"-f", "--follow"}, description = "Keep running and print new events as they commit.")
    boolean follow;

    @Option(names = "--since", paramLabel = "EVENT_ID", converter = Converters.Counter.class,
            description = "Only events after this id (with --follow: from there on, not from now).")
    Long since;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", converter = Converters.AtLeastOne.class, description = "At most N events (the newest); default all.")
    Integer limit;

    @Override
    protected int execute() throws InterruptedException {
        Queries queries = new Queries(workspace());
        long after = since == null ? 0 : since;
        if (limit != null) {
            after = Math.max(after, queries.lastEventId() - limit);
        } else if (follow && since == null) {
            after = queries.lastEventId(); // like tail -f: from now on, unless --since or -n asks for history
        }
        CardText text = new CardText(style(), LocalDate.now());
        List<Event> events = queries.eventsAfter(after, Integer.MAX_VALUE);
        if (json() && !follow) {
            printJson(events.stream().map(Json::event).toList());
            return 0;
        }
        print(events, text);
        if (!follow) {
            return 0;
        }
        long last = events.isEmpty() ? after : events.get(events.size() - 1).id();
        try (Changes feed = workspace().changes(last)) {
            long nextFileCheck = 0;
            while (!out().checkError()) {
                if (feed.changed()) {
                    print(feed.newEvents(), text);
                }
                long now = System.nanoTime();
                if (now - nextFileCheck >= 0) {
                    // A stat every half second: events written into a replacement file must not go unseen.
                    Optional<String> gone = workspace().fileProblem();
                    if (gone.isPresent()) {
                        throw TackException.failed(gone.get() + "; stopped following (run tack log --follow again to follow the new file)");
                    }
                    nextFileCheck = now + TimeUnit.MILLISECONDS.toNanos(FILE_CHECK_MILLIS);
                }
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            }
        }
        return 0;
    }

    private void print(List<Event> events, CardText text) {
        for (Event event : events) {
            out().println(json() ? Json.compact(Json.event(event)) : text.eventLine(event));
        }
        out().flush();
    }
}
