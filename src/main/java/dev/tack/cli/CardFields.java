package dev.tack.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import dev.tack.model.TackException;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The card fields that {@code tack add} and {@code tack edit} both take (a picocli mixin). */
final class CardFields {

    @Option(names = {"-d", "--description"}, paramLabel = "TEXT", description = "The description (may span lines).")
    String description;

    @Option(names = {"-t", "--tag"}, paramLabel = "[+|-]TAG", preprocessor = TagValue.class,
            description = "A tag (repeat, or separate with commas); on edit, +TAG or TAG adds it and -TAG removes it.")
    List<String> tags = new ArrayList<>();

    @Option(names = {"-p", "--priority"}, paramLabel = "0-3", converter = Converters.Priority.class,
            description = "Priority: 0 (none) to 3 (urgent), or !, !!, !!!.")
    Integer priority;

    @Option(names = "--due", paramLabel = "DATE", description = "Due date: 2026-12-31, today, tomorrow, 3d, 2w, 1m, fri; 'none' clears it.")
    String due;

    @Option(names = {"-a", "--assignee"}, paramLabel = "WHO", description = "Who it is assigned to; 'none' clears it.")
    String assignee;

    /** The tags to add and to remove, from every {@code -t}, each split at commas. */
    record TagChanges(List<String> add, List<String> remove) {
    }

    TagChanges tagChanges() {
        List<String> add = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        for (String item : tags) {
            for (String part : item.split(",", -1)) {
                String tag = part.strip();
                if (tag.equals("+") || tag.equals("-")) {
                    throw TackException.usage("'" + item + "' names no tag after its " + tag);
                }
                if (tag.startsWith("-")) {
                    remove.add(tag.substring(1));
                } else if (!tag.isEmpty()) {
                    add.add(tag.startsWith("+") ? tag.substring(1) : tag);
                }
            }
        }
        return new TagChanges(add, remove);
    }

    /** For {@code tack add}: tags only added; {@code -TAG} is a mistake there. */
    List<String> tagsToAdd() {
        TagChanges changes = tagChanges();
        if (!changes.remove().isEmpty()) {
            throw TackException.usage("a new card has no tags to remove (-t -" + changes.remove().get(0) + "); tags cannot start with '-'");
        }
        return changes.add();
    }

    /**
     * Every {@code -t} value is taken as typed, whatever follows its dash: picocli would read
     * {@code -t -docs} (and even {@code --tag=-docs}) as options ({@code -d ocs}: every tag starting
     * with a, d, p or t) and refuse the command. A separate value starting with {@code --} is left
     * to picocli: {@code -t --json} is a missing tag, not a tag.
     */
    static final class TagValue implements IParameterPreprocessor {
        @Override
        @SuppressWarnings("unchecked")
        public boolean preprocess(Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec, Map<String, Object> info) {
            boolean separate = " ".equals(info.get("separator")); // -t x, not --tag=x or -tx
            if (args.isEmpty() || separate && args.peek().startsWith("--")) {
                return false;
            }
            List<String> tags = argSpec.getValue();
            tags.add(args.pop());
            return true;
        }
    }
}
