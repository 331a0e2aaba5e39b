package dev.tack.cli;

import dev.tack.board.Workspace;

import java.util.List;
import java.util.Map;
import dev.tack.board.Transfers;
import dev.tack.model.TackException;
import picocli.CommandLine.Command;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run SQLite's integrity_check and foreign_key_check, compare the schema and journal mode with tack's, and check tack's own invariants; exit 1 on any problem.")
final class CheckCommand extends BaseCommand {

    @Override
    protected int execute() {
        sweepAbandonedImports();
        List<String> problems = workspace().integrityProblems();
        if (json()) {
            printJson(Map.of("ok", problems.isEmpty(), "problems", problems));
        } else if (problems.isEmpty()) {
            out().println("ok: " + workspace().location() + (Workspace.isServer(workspace().location())
                    ? " passed the schema checks (version, revision triggers) and tack's invariants"
                    : " passed integrity_check, foreign_key_check, the schema and journal mode checks and tack's invariants"));
        } else {
            problems.forEach(p -> out().println("problem: " + p));
        }
        out().flush();
        if (problems.isEmpty()) {
            return 0;
        }
        // The problems are the output (stdout, or the JSON); the one line on stderr says the command failed.
        err().println("tack: " + workspace().location() + " has " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems"));
        err().flush();
        return 1;
    }

    /**
     * An import killed half-way leaves rows no query shows (docs/ARCHITECTURE.md §4, import); they
     * are deleted here, and by the next import, in short transactions. A file tack may not write
     * keeps them, hidden, and says so.
     */
    private void sweepAbandonedImports() {
        Transfers transfers = new Transfers(workspace()); // a file tack cannot open fails here, as for any command
        try {
            for (String swept : transfers.sweepAbandonedImports()) {
                err().println("tack: note: removed what an import that died had staged (" + swept + "); none of it was ever shown");
            }
        } catch (TackException e) {
            err().println("tack: note: could not remove what an import that died had staged: " + e.getMessage());
        }
        err().flush();
    }
}
