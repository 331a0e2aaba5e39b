package dev.tack.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one config file holds: each setting it gives (null when it gives none) with its line, and
 * what was wrong in it. A bad value is left out (as if the line was not there) and named in
 * {@code problems}; a file that cannot be parsed gives nothing at all.
 *
 * @param base the folder a relative database path is relative to: the project folder (the one
 *             holding {@code .tack/}) for a project's file, the file's own folder for the user's
 * @param marks the {@code [marks]} table: a mark's name → its glyph ("" hides it), and {@code ascii} → "true"/"false"
 */
public record ConfigFile(Path file, Path base, Setting<String> db, Setting<String> board,
        Map<String, Setting<String>> boards, Setting<String> theme, Map<String, Setting<List<String>>> keys,
        Setting<String> dateFormat, Setting<Duration> pollInterval, Setting<List<String>> cardFields,
        Setting<Boolean> wrapTitles, Map<String, Setting<String>> marks, List<ConfigProblem> problems) {

    /** The file as if it was empty, with {@code problems}: a file tack could not parse or read. */
    static ConfigFile unreadable(Path file, Path base, List<ConfigProblem> problems) {
        return new ConfigFile(file, base, null, null, Map.of(), null, Map.of(), null, null, null, null, Map.of(), problems);
    }
}
