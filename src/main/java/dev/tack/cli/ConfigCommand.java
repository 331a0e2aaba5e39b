package dev.tack.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.tack.board.DbLocation;
import dev.tack.config.Config;
import dev.tack.config.DbUrls;
import dev.tack.config.Origin;
import dev.tack.config.Setting;
import dev.tack.model.TackException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code tack config [show|path]}: where the config files are, and every setting tack would use
 * here with where it comes from (an option, the environment, a file and line, or the default).
 * It opens no database.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Show the config files and the settings in effect here, each with where it comes from.",
            "show (the default): every setting; path: the user's and the project's config file."})
final class ConfigCommand extends BaseCommand {

    @Parameters(arity = "0..1", paramLabel = "show|path", description = "What to show (default: show).")
    String what;

    @Override
    protected int execute() {
        String mode = what == null ? "show" : what;
        if (!mode.equals("show") && !mode.equals("path")) {
            throw TackException.usage("'" + what + "' is not one of show, path (see: tack config --help)");
        }
        Config config = config();
        Path project = config.projectFile();
        if (mode.equals("path")) {
            if (json()) {
                Map<String, Object> paths = new LinkedHashMap<>();
                paths.put("user", config.userFile().toString());
                paths.put("user_exists", Files.isRegularFile(config.userFile()));
                paths.put("project", project == null ? null : project.toString());
                printJson(paths);
            } else {
                out().println("user:    " + config.userFile() + (Files.isRegularFile(config.userFile()) ? "" : " (none)"));
                out().println("project: " + (project == null ? "(none: no .tack/config.toml here or above)" : project.toString()));
            }
            return 0;
        }
        ScreenConfig.settings(config, err()); // what is wrong with the keys goes to stderr, as at the screen's start
        List<String[]> rows = new ArrayList<>();
        Setting<String> db = db(config);
        rows.add(row("db", db));
        rows.add(row("board", board(config, db.value())));
        rows.add(row("theme", config.theme()));
        rows.add(row("date_format", config.dateFormat().orElse(Setting.byDefault("(tack's own: today, tomorrow, Dec 31)"))));
        Setting<java.time.Duration> poll = config.pollInterval();
        rows.add(new String[] {"poll_interval", poll.value().toMillis() + "ms", poll.origin().name()});
        Setting<List<String>> fields = config.cardFields();
        rows.add(new String[] {"card_fields", String.join(", ", fields.value()), fields.origin().name()});
        Setting<Boolean> wrap = config.wrapTitles();
        rows.add(new String[] {"wrap_titles", String.valueOf(wrap.value()), wrap.origin().name()});
        dev.tack.tui.CardMarks marks = ScreenConfig.marks(config);
        Map<String, Setting<String>> markSettings = config.marks();
        String[][] markValues = {{"description", marks.description()}, {"comments", marks.comments()},
            {"checklist", marks.checklist()}, {"waiting", marks.waiting()}};
        for (String[] mark : markValues) {
            Setting<String> from = markSettings.containsKey(mark[0]) ? markSettings.get(mark[0]) : markSettings.get("ascii");
            rows.add(new String[] {"marks." + mark[0], mark[1].isEmpty() ? "(hidden)" : mark[1],
                from == null ? Origin.DEFAULT.name() : from.origin().name()});
        }
        config.keys().forEach((action, keys) -> rows.add(new String[] {"keys." + action, String.join(", ", keys.value()),
            keys.origin().name()}));
        if (json()) {
            Map<String, Object> settings = new LinkedHashMap<>();
            for (String[] row : rows) {
                settings.put(row[0], Map.of("value", row[1], "from", row[2]));
            }
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("user", config.userFile().toString());
            document.put("project", project == null ? null : project.toString());
            document.put("settings", settings);
            document.put("problems", config.problemLines());
            printJson(document);
            return 0;
        }
        out().println("user config:    " + config.userFile() + (Files.isRegularFile(config.userFile()) ? "" : " (none)"));
        out().println("project config: " + (project == null ? "(none)" : project.toString()));
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        int valueWidth = Math.min(48, rows.stream().mapToInt(r -> r[1].length()).max().orElse(0));
        for (String[] row : rows) {
            out().println(String.format("%-" + width + "s  %-" + valueWidth + "s  %s", row[0], row[1], row[2]));
        }
        out().flush();
        return 0;
    }

    /** The database as {@link #workspace()} would choose it, without opening it. */
    private Setting<String> db(Config config) {
        if (globals().db != null && !globals().db.isBlank()) {
            return new Setting<>(location(globals().db), Origin.option("--db"));
        }
        String env = System.getenv("TACK_DB");
        if (env != null && !env.isBlank()) {
            return new Setting<>(location(env), Origin.environment("TACK_DB"));
        }
        if (config.db().isPresent()) {
            return config.db().get();
        }
        return Setting.byDefault(DbLocation.resolve(null, Path.of("").toAbsolutePath(), System.getenv()).file().toString());
    }

    private static String location(String given) {
        return DbUrls.isUrl(given) ? given : Path.of(given).toAbsolutePath().normalize().toString();
    }

    private Setting<String> board(Config config, String database) {
        if (globals().board != null && !globals().board.isBlank()) {
            return new Setting<>(globals().board, Origin.option("--board"));
        }
        String env = System.getenv("TACK_BOARD");
        if (env != null && !env.isBlank()) {
            return new Setting<>(env, Origin.environment("TACK_BOARD"));
        }
        return config.board(database).orElse(Setting.byDefault("(the only board, or main)"));
    }

    private static String[] row(String key, Setting<String> setting) {
        // a URL is shown without a password, should one come from the command line or the environment
        return new String[] {key, setting.value().replaceFirst("^([a-z]+://[^/@:]*):[^/@]*@", "$1@"), setting.origin().name()};
    }
}
