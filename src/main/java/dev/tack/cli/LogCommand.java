package dev.tack.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.tack.board.Json;
import dev.tack.board.Queries;
import dev.tack.model.Event;
import dev.tack.store.ChangeFeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "log", mixinStandardHelpOptions = true,
        description = "The event log; --follow streams new events as other processes commit them.")
final class LogCommand extends BaseCommand {

    private static final long POLL_MILLIS = 25;

    @Option(names = {"-f", "--follow"}, description = "Keep running and print new events as they commit.")
    boolean follow;

    @Option(names = "--since", paramLabel = "EVENT_ID", converter = Converters.Counter.class, description = "Only events after this id.")
    long since;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", converter = Converters.AtLeastOne.class, description = "At most N events (the newest); default all.")
    Integer limit;

    @Override
    protected int execute() throws InterruptedException {
        Queries queries = new Queries(workspace());
        long after = since;
        if (limit != null) {
            after = Math.max(after, queries.lastEventId() - limit);
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
        try (ChangeFeed feed = workspace().database().changeFeed(last)) {
            while (!out().checkError()) {
                if (feed.changed()) {
                    print(feed.newEvents(), text);
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
