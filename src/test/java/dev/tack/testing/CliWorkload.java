package dev.tack.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import dev.tack.cli.TackCommand;

/**
 * A short real command-line workload in one JVM, for tracing what the process does to the board
 * files: {@code init}, {@code add} ×2, {@code mv}, {@code edit}, {@code comment}, {@code ls},
 * {@code show}, {@code log}, {@code check}, the agents' {@code ready}, {@code claim}, {@code heartbeat},
 * {@code release}, {@code block}, {@code done} and {@code agent-guide}, {@code column doing}, {@code doctor}, {@code backup}, {@code restore-backup}, {@code db copy} (and an add to the copy), each through {@link TackCommand#run}. Prints
 * {@code RAN command exit-code .} per command and {@code DONE n .}.
 *
 * <p>Usage: {@code CliWorkload db}
 */
public final class CliWorkload {

    private CliWorkload() {
    }

    public static void main(String[] args) {
        String db = args[0];
        ChildJvm.LineOut out = new ChildJvm.LineOut();
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"init", "--db", db});
        commands.add(new String[] {"--db", db, "add", "first card"});
        commands.add(new String[] {"--db", db, "add", "second card", "-c", "Doing"});
        commands.add(new String[] {"--db", db, "mv", "1", "Doing", "--pos", "0"});
        commands.add(new String[] {"--db", db, "edit", "2", "--title", "second, renamed"});
        commands.add(new String[] {"--db", db, "comment", "1", "looks good"});
        commands.add(new String[] {"--db", db, "ls"});
        commands.add(new String[] {"--db", db, "show", "1"});
        commands.add(new String[] {"--db", db, "log"});
        commands.add(new String[] {"--db", db, "check"});
        // links and checklists (issue 12)
        commands.add(new String[] {"--db", db, "link", "2", "--after", "1"});
        commands.add(new String[] {"--db", db, "checklist", "add", "2", "write the test"});
        commands.add(new String[] {"--db", db, "checklist", "done", "2", "1"});
        commands.add(new String[] {"--db", db, "column", "done", "Done"});
        commands.add(new String[] {"--db", db, "unlink", "2", "1"});
        // The agents' commands (issue 16): {token} stands for the token the last claim printed.
        commands.add(new String[] {"--db", db, "add", "third card"});
        commands.add(new String[] {"--db", db, "ready", "--from", "Todo", "--explain"});
        commands.add(new String[] {"--db", db, "claim", "--next", "--from", "Todo", "--doing", "Doing", "--json"});
        commands.add(new String[] {"--db", db, "heartbeat", "3", "--token", "{token}"});
        commands.add(new String[] {"--db", db, "release", "3", "--token", "{token}"});
        commands.add(new String[] {"--db", db, "claim", "--next", "--from", "Todo", "--json"});
        commands.add(new String[] {"--db", db, "block", "3", "--token", "{token}", "--reason", "needs a key"});
        commands.add(new String[] {"--db", db, "mv", "3", "Todo"});
        commands.add(new String[] {"--db", db, "claim", "--next", "--from", "Todo", "--json"});
        commands.add(new String[] {"--db", db, "done", "3", "--token", "{token}", "--summary", "did it", "--meta", "{\"ok\": true}"});
        commands.add(new String[] {"--db", db, "agent-guide"});
        commands.add(new String[] {"--db", db, "column", "doing", "Todo", "Doing"});
        commands.add(new String[] {"--db", db, "doctor"});
        commands.add(new String[] {"--db", db, "backup", db + ".backup"});
        commands.add(new String[] {"--db", db, "restore-backup", db + ".backup"});
        commands.add(new String[] {"db", "copy", db, db + ".copy"}); // FROM and TO both through SQLite only
        commands.add(new String[] {"--db", db + ".copy", "add", "in the copy"});
        int failures = 0;
        String token = "";
        for (String[] given : commands) {
            String[] command = given.clone();
            for (int i = 0; i < command.length; i++) {
                command[i] = command[i].equals("{token}") ? token : command[i];
            }
            StringWriter text = new StringWriter();
            StringWriter errors = new StringWriter();
            int code = TackCommand.run(new PrintWriter(text), new PrintWriter(errors), command);
            String name = command[0].equals("--db") ? command[2] : command[0].equals("db") ? "db-" + command[1] : command[0];
            java.util.regex.Matcher claimed = java.util.regex.Pattern.compile("\"token\": \"([0-9a-f]+)\"").matcher(text.toString());
            if (claimed.find()) {
                token = claimed.group(1);
            }
            out.println("RAN " + name + " " + code + " .");
            if (code != 0) {
                failures++;
                out.println("STDERR " + errors.toString().replace('\n', ' '));
            }
        }
        out.println("DONE " + commands.size() + " .");
        System.exit(failures == 0 ? 0 : 1);
    }
}
