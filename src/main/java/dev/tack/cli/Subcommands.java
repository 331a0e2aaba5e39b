package dev.tack.cli;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Finds, without building picocli's model, which subcommand a command line names, and makes just
 * that one. The list of subcommands is {@link AllCommands}'s annotation; the options that take a
 * value (whose value must not be mistaken for a command name) are read from {@link GlobalOptions}.
 */
final class Subcommands {

    private static volatile Set<String> valueOptions;

    private Subcommands() {
    }

    /**
     * What a command line names before picocli sees it: the first argument that is not a global
     * option or an option's value ({@code command}, null when there is none), and whether
     * {@code -h}/{@code --help} comes before it ({@code help}).
     */
    record Scan(String command, boolean help) {
    }

    static Scan scan(String... args) {
        Set<String> takesValue = valueOptions();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return new Scan(i + 1 < args.length ? args[i + 1] : null, help);
            }
            if (arg.startsWith("-") && arg.length() > 1) {
                help |= arg.equals("-h") || arg.equals("--help");
                if (arg.indexOf('=') < 0 && takesValue.contains(arg)) {
                    i++;
                }
                continue;
            }
            return new Scan(arg, help);
        }
        return new Scan(null, help);
    }

    /** A new instance of the subcommand called {@code name} (or one of its aliases); null when none is. */
    static Object instantiate(String name) {
        Command all = AllCommands.class.getAnnotation(Command.class);
        for (Class<?> type : all.subcommands()) {
            Command command = type.getAnnotation(Command.class);
            if (command != null && (command.name().equals(name) || Set.of(command.aliases()).contains(name))) {
                try {
                    return CommandLine.defaultFactory().create(type);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot create the " + name + " command", e);
                }
            }
        }
        return null;
    }

    private static Set<String> valueOptions() {
        Set<String> names = valueOptions;
        if (names == null) {
            names = new HashSet<>();
            for (Field field : GlobalOptions.class.getDeclaredFields()) {
                Option option = field.getAnnotation(Option.class);
                if (option != null && field.getType() != boolean.class && field.getType() != Boolean.class) {
                    names.addAll(Set.of(option.names()));
                }
            }
            valueOptions = names;
        }
        return names;
    }
}
