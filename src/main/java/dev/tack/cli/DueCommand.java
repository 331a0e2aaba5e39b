package dev.tack.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.tack.board.DueSoon;
import dev.tack.board.Json;
import dev.tack.model.TackException;
import dev.tack.text.Sanitizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "due", mixinStandardHelpOptions = true,
        description = {"List what is overdue, due today and due in the next days, across every board.",
            "Soonest first. Cards in a done column (tack column done; by default the last) are left out."})
final class DueCommand extends BaseCommand {

    @Option(names = "--days", paramLabel = "N", defaultValue = "7", description = "How many days ahead to look (default ${DEFAULT-VALUE}).")
    int days;

    @Override
    protected int execute() {
        if (days < 0) {
            throw TackException.usage("--days must be 0 or more");
        }
        LocalDate today = LocalDate.now(workspace().clock().withZone(ZoneId.systemDefault()));
        List<DueSoon.Due> due = new DueSoon(workspace()).until(today, days);
        if (json()) {
            printJson(due.stream().map(d -> {
                Map<String, Object> card = Json.card(d.card());
                card.put("board", d.board());
                card.put("when", d.when().name().toLowerCase(Locale.ROOT));
                return card;
            }).toList());
            return 0;
        }
        if (due.isEmpty()) {
            out().println("nothing is overdue or due in the next " + days + (days == 1 ? " day" : " days"));
            out().flush();
            return 0;
        }
        Style style = style();
        DueSoon.When heading = null;
        for (DueSoon.Due d : due) {
            if (d.when() != heading) {
                heading = d.when();
                out().println(style.bold(switch (heading) {
                    case OVERDUE -> "Overdue";
                    case TODAY -> "Due today";
                    case SOON -> "Due in the next " + days + (days == 1 ? " day" : " days");
                }));
            }
            long away = ChronoUnit.DAYS.between(today, d.card().due());
            String when = switch (d.when()) {
                case OVERDUE -> style.red(d.card().due() + " (" + -away + (away == -1 ? " day" : " days") + " ago)");
                case TODAY -> style.yellow("today");
                case SOON -> d.card().due().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + d.card().due();
            };
            out().println("  " + style.dim("#" + d.card().id()) + " " + Sanitizer.line(d.card().title()) + "  "
                    + style.dim(Sanitizer.line(d.board()) + " · " + Sanitizer.line(d.card().column())) + "  " + when);
        }
        out().flush();
        return 0;
    }
}
