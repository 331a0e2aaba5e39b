package dev.tack.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import dev.tack.board.Agents;
import dev.tack.board.Json;
import dev.tack.model.Card;

/** How the agent commands ({@code claim}, {@code ready}, {@code heartbeat}, {@code done}, …) print a card and its claim. */
final class AgentOutput {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private AgentOutput() {
    }

    /** The card's JSON with its lease's end (ISO, UTC) while it is held. */
    static Map<String, Object> card(Card card) {
        Map<String, Object> map = Json.card(card);
        map.put("lease_until", card.claimed() ? Instant.ofEpochMilli(card.claim().leaseUntilMillis()).toString() : null);
        return map;
    }

    /** A claimed card: the card, {@code claimed}, the token, the run, and what the cards it waited for reported. */
    static Map<String, Object> taken(Agents.Taken taken) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("claimed", true);
        map.put("token", taken.token());
        map.putAll(card(taken.card()));
        map.put("run_id", taken.run().id());
        map.put("attempt", taken.run().attempt());
        map.put("prerequisites", taken.prerequisites().stream().map(Json::report).toList());
        return map;
    }

    static Map<String, Object> notTaken(Agents.NotTaken why) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("claimed", false);
        map.put("reason", why.reason());
        map.put("cards", why.cards().stream().map(AgentOutput::explained).toList());
        return map;
    }

    static Map<String, Object> explained(Agents.Explained explained) {
        Map<String, Object> map = card(explained.card());
        map.put("claimable", explained.claimable());
        map.put("reason", explained.reason());
        return map;
    }

    static String leaseUntil(Card card) {
        return card.claimed() ? CLOCK.format(Instant.ofEpochMilli(card.claim().leaseUntilMillis()).atZone(ZoneId.systemDefault())) : "-";
    }

    /** The prerequisites' reports for people: one line each, its meta after it. */
    static void reports(PrintWriter out, List<Agents.Report> reports) {
        for (Agents.Report report : reports) {
            out.println("waited for #" + report.cardId() + " " + report.title() + " (" + report.column() + ")"
                    + (report.summary() == null ? "" : ": " + report.summary()));
            if (report.meta() != null) {
                out.println("  meta: " + report.meta());
            }
        }
    }
}
