package dev.tack.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import dev.tack.config.Config;
import dev.tack.config.Origin;
import dev.tack.config.Setting;
import dev.tack.text.Sanitizer;
import dev.tack.tui.ScreenSettings;

/**
 * The screen's settings from the config files. The screen owns its key table, so the names of
 * actions and keys are checked there; what it finds wrong is said here, at start, one line each,
 * with the file and line the binding came from (the rest of the table stays as it was).
 */
final class ScreenConfig {

    private ScreenConfig() {
    }

    static ScreenSettings settings(Config config, PrintWriter err) {
        Map<String, Setting<List<String>>> bound = config.keys();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        bound.forEach((action, setting) -> keys.put(action, setting.value()));
        ScreenSettings settings = new ScreenSettings(config.theme().value(), keys,
                config.dateFormat().map(Setting::value).orElse(null), config.pollInterval().value(),
                new LinkedHashSet<>(config.cardFields().value()), config.wrapTitles().value(), marks(config));
        settings.keyProblems().forEach((action, problem) -> {
            Origin origin = bound.containsKey(action) ? bound.get(action).origin() : Origin.DEFAULT;
            err.println("tack: " + Sanitizer.line(origin + ": keys." + action + ": " + problem));
        });
        err.flush();
        return settings;
    }

    static dev.tack.tui.CardMarks marks(Config config) {
        Map<String, String> table = new LinkedHashMap<>();
        config.marks().forEach((mark, setting) -> table.put(mark, setting.value()));
        return dev.tack.tui.CardMarks.of(table);
    }
}
