package dev.tack.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.tack.board.Doctor;
import dev.tack.text.Sanitizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check the board as a work queue and say what to do about each problem.",
            "It checks integrity, journal mode, stuck claims, ready cards nobody takes and workers whose last runs",
            "all failed. One line each, with what to do; exit 1 when something needs action."})
final class DoctorCommand extends BaseCommand {

    @Option(names = "--stale", paramLabel = "DURATION", converter = Converters.Wait.class, defaultValue = "1h",
            description = "A ready card nobody claimed for longer than this is reported (default ${DEFAULT-VALUE}).")
    Duration stale;

    @Option(names = "--failed-runs", paramLabel = "N", converter = Converters.AtLeastOne.class, defaultValue = "3",
            description = "A worker whose last N runs all failed is reported (default ${DEFAULT-VALUE}).")
    int failedRuns;

    @Option(names = "--lane", paramLabel = "COLUMN",
            description = "A column whose ready cards should not wait (repeatable; default: the columns with a doing column, else the first).")
    List<String> lanes = new ArrayList<>();

    @Override
    protected int execute() {
        List<Doctor.Finding> findings = new Doctor(workspace()).examine(new Doctor.Limits(stale, failedRuns, lanes));
        long problems = findings.stream().filter(f -> !f.ok()).count();
        if (json()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("ok", problems == 0);
            document.put("findings", findings.stream().map(f -> {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("check", f.check());
                map.put("ok", f.ok());
                map.put("found", f.found());
                map.put("action", f.action());
                return map;
            }).toList());
            printJson(document);
        } else {
            for (Doctor.Finding f : findings) {
                out().println((f.ok() ? "ok       " : "problem  ") + f.check() + ": " + Sanitizer.line(f.found())
                        + (f.action() == null ? "" : " — " + Sanitizer.line(f.action())));
            }
        }
        out().flush();
        if (problems == 0) {
            return 0;
        }
        err().println("tack: doctor found " + problems + (problems == 1 ? " thing" : " things") + " that need action");
        err().flush();
        return 1;
    }
}
