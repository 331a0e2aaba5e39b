package dev.tack.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * {@code tack --help}'s command list, in groups with one line each. A command missing from the
 * table below is listed under "Other", so a new command never disappears from the help.
 */
final class CommandGroups {

    static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("Cards", List.of("add", "ls", "show", "mv", "edit", "rm", "restore", "comment", "due", "link", "unlink", "checklist"));
        GROUPS.put("Boards and columns", List.of("board", "column"));
        GROUPS.put("History", List.of("log", "undo", "redo"));
        GROUPS.put("Workers", List.of("worker", "runs"));
        GROUPS.put("Agents", List.of("claim", "ready", "heartbeat", "done", "block", "release", "wait", "hook", "doctor", "agent-guide"));
        GROUPS.put("Files", List.of("init", "check", "export", "import", "backup", "restore-backup", "db", "config"));
    }

    private CommandGroups() {
    }

    static void install(CommandLine commandLine) {
        commandLine.getCommandSpec().usageMessage().commandListHeading("%n");
        commandLine.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, CommandGroups::render);
    }

    /** The groups and their commands as they are listed, hidden commands left out. */
    static Map<String, List<String>> listed(CommandSpec root) {
        Map<String, List<String>> listed = new LinkedHashMap<>();
        List<String> seen = new ArrayList<>();
        GROUPS.forEach((group, names) -> {
            List<String> present = names.stream().filter(name -> visible(root, name)).toList();
            if (!present.isEmpty()) {
                listed.put(group, present);
                seen.addAll(present);
            }
        });
        List<String> other = root.subcommands().keySet().stream()
                .filter(name -> visible(root, name) && !seen.contains(name)).distinct().toList();
        if (!other.isEmpty()) {
            listed.put("Other", other);
        }
        return listed;
    }

    private static boolean visible(CommandSpec root, String name) {
        CommandLine sub = root.subcommands().get(name);
        return sub != null && !sub.getCommandSpec().usageMessage().hidden()
                && sub.getCommandSpec().name().equals(name); // an alias is not listed twice
    }

    private static String render(Help help) {
        CommandSpec root = help.commandSpec();
        Map<String, List<String>> listed = listed(root);
        int nameWidth = listed.values().stream().flatMap(List::stream).mapToInt(String::length).max().orElse(8);
        int width = root.usageMessage().width();
        StringBuilder text = new StringBuilder();
        listed.forEach((group, names) -> {
            text.append(group).append(":\n");
            Help.TextTable table = Help.TextTable.forColumns(help.colorScheme(),
                    new Help.Column(nameWidth + 4, 2, Help.Column.Overflow.SPAN),
                    new Help.Column(Math.max(20, width - nameWidth - 4), 2, Help.Column.Overflow.WRAP));
            for (String name : names) {
                String[] description = root.subcommands().get(name).getCommandSpec().usageMessage().description();
                table.addRowValues(help.colorScheme().commandText(name), help.colorScheme().text(firstLine(description)));
            }
            text.append(table).append('\n');
        });
        return text.toString();
    }

    private static String firstLine(String[] description) {
        return description.length == 0 ? "" : description[0].replaceAll("%n.*", "").strip();
    }
}
