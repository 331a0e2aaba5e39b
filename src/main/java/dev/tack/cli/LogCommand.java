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
        description = "The event log (with --board, that board's events only); --follow streams new events as other processes commit them.")
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

    /** Events read per transaction: the log streams page by page, never whole, and holds no read snapshot while it prints. */
    static final int PAGE = 500;

    @Override
    protected int execute() throws InterruptedException {
        Queries queries = new Queries(workspace());
        Long board = queries.logBoard();
        long after = since == null ? 0 : since;
        if (limit != null) {
            after = Math.max(after, queries.idBeforeLast(board, limit));
        } else if (follow && since == null) {
            after = queries.lastEventId(); // like tail -f: from now on, unless --since or -n asks for history
        }
        CardText text = new CardText(style(), LocalDate.now());
        boolean array = json() && !follow;
        if (array) {
            out().print("[");
        }
        long last = after;
        boolean first = true;
        while (true) {
            List<Event> events = queries.eventsAfter(board, last, PAGE);
            if (array) {
                for (Event event : events) {
                    // the elements of the one array, pretty-printed as printJson would print the whole
                    out().print((first ? "\n" : ",\n") + Json.pretty(Json.event(event)).indent(2).stripTrailing());
                    first = false;
                }
            } else {
                print(events, text, queries);
            }
            if (!events.isEmpty()) {
                last = events.get(events.size() - 1).id();
            }
            if (events.size() < PAGE || out().checkError()) {
                break;
            }
        }
        if (array) {
            out().println(first ? "]" : "\n]");
            out().flush();
        }
        if (!follow) {
            return 0;
        }
        try (Changes feed = workspace().changes(last)) {
            long nextFileCheck = 0;
            while (!out().checkError()) {
                if (feed.changed()) {
                    print(feed.newEvents().stream().filter(e -> board == null || board.equals(e.boardId())).toList(), text, queries);
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

    private void print(List<Event> events, CardText text, Queries queries) {
        if (events.isEmpty()) {
            return;
        }
        java.util.Map<Long, String> titles = json() ? java.util.Map.of() : queries.titles(events);
        for (Event event : events) {
            out().println(json() ? Json.compact(Json.event(event)) : text.eventLine(event, titles.get(event.id())));
        }
        out().flush();
    }
}
