package dev.tack.cli;

import java.time.Duration;
import java.util.Map;
import dev.tack.board.Json;
import dev.tack.board.Waits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "wait", mixinStandardHelpOptions = true,
        description = "Block until a card is done, blocked, moved or changed in any way; exit 6 when --timeout passes first.")
final class WaitCommand extends BaseCommand {

    @Parameters(paramLabel = "ID", converter = Converters.CardId.class, description = "The card: 42 or #42.")
    long id;

    @Option(names = "--until", paramLabel = "STATE", defaultValue = "done",
            description = "done (a done column, or archived; at once if it is already), blocked, moved (to another column) or any (default done).")
    String until;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.Wait.class,
            description = "Give up after this long, with exit 6 (default: wait for ever).")
    Duration timeout;

    @Option(names = "--since", paramLabel = "EVENT_ID", converter = Converters.Counter.class,
            description = "Also count the card's events after this one (the log's last id when you handed the card out), so nothing in between is missed.")
    Long since;

    @Override
    protected int execute() throws InterruptedException {
        Waits.Until state = Waits.Until.parse(until);
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw dev.tack.model.TackException.usage("--timeout must be positive");
        }
        Waits.Reached reached = new Waits(workspace()).await(id, state, timeout, since, () -> { });
        if (json()) {
            Map<String, Object> result = new java.util.LinkedHashMap<>();
            result.put("reached", state.label());
            result.put("already", reached.already());
            result.put("event", reached.event() == null ? null : Json.event(reached.event()));
            result.put("card", Json.card(reached.card()));
            printJson(result);
        } else {
            String how = reached.event() != null ? ": " + reached.event().summary() + " (by " + reached.event().actor() + ")"
                    : reached.already() ? " already" : "";
            out().println("#" + id + " " + state.label() + how + "; now in " + reached.card().column());
        }
        return 0;
    }
}
