package dev.tack.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of the config files, the project's over the user's, over tack's defaults. The
 * command line and the environment go over all of these; the commands apply them
 * (docs/ARCHITECTURE.md, "Configuration"). A file that does not exist is not read, and tomlj is
 * not loaded for it: with no config file, this costs a stat per folder up to home.
 */
public final class Config {

    public static final String DEFAULT_THEME = "auto";
    public static final Duration DEFAULT_POLL = Duration.ofMillis(40);
    public static final List<String> DEFAULT_CARD_FIELDS = List.of("id", "priority", "tags", "due", "assignee");

    private final Path userFile;
    private final Path projectFile;
    private final Path home;
    /** The files that exist, the user's first: each later one overrides the ones before. */
    private final List<ConfigFile> files;

    private Config(Path userFile, Path projectFile, Path home, List<ConfigFile> files) {
        this.userFile = userFile;
        this.projectFile = projectFile;
        this.home = home;
        this.files = files;
    }

    /** No files: tack's defaults. */
    public static Config defaults() {
        return new Config(null, null, null, List.of());
    }

    /** Finds and reads the user's and the project's files for {@code workingFolder}. */
    public static Config load(Path workingFolder, Map<String, String> env) {
        Path home = Locations.home(env);
        Path user = Locations.userFile(env);
        Path project = Locations.projectFile(workingFolder, home);
        List<ConfigFile> files = new ArrayList<>();
        if (Files.isRegularFile(user)) {
            files.add(TomlReader.read(user, user.getParent(), home));
        }
        if (project != null && !project.equals(user)) {
            files.add(TomlReader.read(project, Locations.projectFolder(project), home));
        }
        return new Config(user, project, home, List.copyOf(files));
    }

    /** The user's file (which may not exist). */
    public Path userFile() {
        return userFile;
    }

    /** The project's file, or null when the working folder is in no project. */
    public Path projectFile() {
        return projectFile;
    }

    public Path home() {
        return home;
    }

    /** The files that were read, the user's first. */
    public List<Path> filesRead() {
        return files.stream().map(ConfigFile::file).toList();
    }

    /** What was wrong in the files, in order: each is one line at start. */
    public List<ConfigProblem> problems() {
        return files.stream().flatMap(f -> f.problems().stream()).toList();
    }

    /** The lines tack prints for {@link #problems()}, without {@code tack: }. */
    public List<String> problemLines() {
        return problems().stream().map(p -> p.describe(home)).toList();
    }

    /** The database the files name (a path made absolute, or a URL), if any. */
    public Optional<Setting<String>> db() {
        return last(f -> f.db());
    }

    /**
     * The board to open in {@code database} when neither {@code --board} nor {@code TACK_BOARD}
     * names one: a file's {@code [boards]} entry for that database, else its {@code board}, the
     * project's file before the user's.
     */
    public Optional<Setting<String>> board(String database) {
        for (int i = files.size() - 1; i >= 0; i--) {
            ConfigFile file = files.get(i);
            Setting<String> exact = database == null ? null : file.boards().get(database);
            if (exact != null) {
                return Optional.of(exact);
            }
            if (file.board() != null) {
                return Optional.of(file.board());
            }
        }
        return Optional.empty();
    }

    public Setting<String> theme() {
        return last(ConfigFile::theme).orElse(Setting.byDefault(DEFAULT_THEME));
    }

    /** The date pattern for dates on cards, if a file sets one. */
    public Optional<Setting<String>> dateFormat() {
        return last(ConfigFile::dateFormat);
    }

    public Setting<Duration> pollInterval() {
        return last(ConfigFile::pollInterval).orElse(Setting.byDefault(DEFAULT_POLL));
    }

    public Setting<List<String>> cardFields() {
        return last(ConfigFile::cardFields).orElse(Setting.byDefault(DEFAULT_CARD_FIELDS));
    }

    /** Whether card titles wrap to a second line ({@code wrap_titles}). */
    public Setting<Boolean> wrapTitles() {
        return last(ConfigFile::wrapTitles).orElse(Setting.byDefault(false));
    }

    /**
     * The {@code [marks]} table, each entry from the project's file, else the user's: a mark
     * ({@code description}, {@code comments}, {@code checklist}, {@code waiting}) → its glyph, ""
     * when it is hidden; {@code ascii} → "true" or "false".
     */
    public Map<String, Setting<String>> marks() {
        Map<String, Setting<String>> marks = new LinkedHashMap<>();
        for (ConfigFile file : files) {
            marks.putAll(file.marks());
        }
        return marks;
    }

    /** The re-bound actions: each action's keys from the project's file, else the user's, in the files' order. */
    public Map<String, Setting<List<String>>> keys() {
        Map<String, Setting<List<String>>> keys = new LinkedHashMap<>();
        for (ConfigFile file : files) {
            keys.putAll(file.keys());
        }
        return keys;
    }

    private <T> Optional<Setting<T>> last(java.util.function.Function<ConfigFile, Setting<T>> setting) {
        for (int i = files.size() - 1; i >= 0; i--) {
            Setting<T> value = setting.apply(files.get(i));
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
