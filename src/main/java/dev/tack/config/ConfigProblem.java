package dev.tack.config;

import java.nio.file.Path;

/**
 * What is wrong in a config file, and where: printed at start as one line,
 * {@code tack: ~/.config/tack/config.toml:7: keys.move_left: …}. tack goes on without the value
 * (or, for a file it cannot parse, without the file).
 *
 * @param line the line (1 is the first), or 0 when the problem is the whole file
 * @param key  the dotted key ({@code keys.move_left}), or empty when the problem is not one key's
 */
public record ConfigProblem(Path file, int line, String key, String message) {

    /** The line tack prints (without the leading {@code tack: }), with the home folder as {@code ~}. */
    public String describe(Path home) {
        return shown(file, home) + (line > 0 ? ":" + line : "") + ": " + (key.isEmpty() ? "" : key + ": ") + message;
    }

    static String shown(Path file, Path home) {
        if (home != null && file.startsWith(home) && !file.equals(home)) {
            return "~/" + home.relativize(file);
        }
        return file.toString();
    }
}
