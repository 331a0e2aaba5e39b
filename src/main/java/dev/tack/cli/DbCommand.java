package dev.tack.cli;

import dev.tack.board.DatabaseCopy;
import dev.tack.board.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tack db}: whole databases, across engines. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Whole board databases: copy one between engines.",
        subcommands = {DbCommand.Copy.class})
final class DbCommand extends BaseCommand {

    @Override
    protected int execute() {
        return missingSubcommand();
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = "Copy a whole board database (a file or a postgresql:// URL) into a new file or an empty schema, and verify it.")
    static final class Copy extends BaseCommand {

        @Parameters(index = "0", paramLabel = "FROM", description = "The database to copy: a board file, or a postgresql:// URL.")
        String from;

        @Parameters(index = "1", paramLabel = "TO", description = "Where: a file that does not exist yet, or a URL whose schema has no tack tables.")
        String to;

        @Override
        protected int execute() {
            if (from.isBlank() || to.isBlank()) {
                throw dev.tack.model.TackException.usage("tack db copy needs FROM and TO: a board file or a postgresql:// URL each");
            }
            DatabaseCopy.Report report = DatabaseCopy.copy(from, to, openOptions());
            if (json()) {
                printJson(Json.copyReport(report));
            } else {
                out().println("copied " + report.from() + " → " + report.to());
                for (DatabaseCopy.TableCount count : report.counts()) {
                    out().println("  " + count.table() + ": " + count.from() + (count.same() ? "" : " (the copy has " + count.to() + ")"));
                }
                report.fromProblems().forEach(problem -> out().println("  check of " + report.from() + ": " + problem));
                report.toProblems().forEach(problem -> out().println("  check of " + report.to() + ": " + problem));
                out().println(report.verified() ? "verified: the same rows in every table, and check finds no problem on either side"
                        : "NOT verified: see above");
            }
            if (!report.verified()) {
                err().println("tack: the copy at " + report.to() + " does not match " + report.from() + " (see above)");
                return 1;
            }
            return 0;
        }
    }
}
