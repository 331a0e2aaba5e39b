package dev.tack.cli;

import java.time.LocalDate;
import java.util.List;
import dev.tack.board.Claims;
import dev.tack.board.Json;
import dev.tack.model.Run;
import dev.tack.text.Sanitizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "runs", mixinStandardHelpOptions = true, description = "List workers' runs, newest first.")
final class RunsCommand extends BaseCommand {

    @Option(names = "--active", description = "Only runs still going.")
    boolean active;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "50", converter = Converters.AtLeastOne.class, description = "At most N runs (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    protected int execute() {
        List<Run> runs = new Claims(workspace()).runs(active, limit);
        if (json()) {
            printJson(runs.stream().map(Json::run).toList());
            return 0;
        }
        CardText text = new CardText(style(), LocalDate.now());
        for (Run run : runs) {
            String last = run.outputTail().isBlank() ? "" : "  | " + Sanitizer.line(run.outputTail().lines().reduce((a, b) -> b).orElse(""));
            out().println("#" + run.cardId() + " " + text.runLine(run) + last);
        }
        if (runs.isEmpty()) {
            out().println(active ? "no runs going" : "no runs yet");
        }
        out().flush();
        return 0;
    }
}
