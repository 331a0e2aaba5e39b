package dev.tack.config;

import java.nio.file.Path;

/**
 * Where a setting's value came from, as {@code tack config} and the error lines name it: a file and
 * its line, an environment variable, a command-line option, or tack's default.
 */
public record Origin(String name) {

    public static final Origin DEFAULT = new Origin("default");

    public static Origin file(Path file, int line, Path home) {
        return new Origin(ConfigProblem.shown(file, home) + ":" + line);
    }

    public static Origin environment(String variable) {
        return new Origin("environment " + variable);
    }

    public static Origin option(String option) {
        return new Origin("option " + option);
    }

    @Override
    public String toString() {
        return name;
    }
}
