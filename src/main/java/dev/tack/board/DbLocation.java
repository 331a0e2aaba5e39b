package dev.tack.board;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the board file is (docs/ARCHITECTURE.md §4): an explicit path, else the nearest {@code .tack/tack.db}
 * in the working folder or a parent, else the user's data folder, created on first use.
 *
 * @param file          the database file
 * @param createIfMissing true only for the data-folder default (and {@code tack init})
 */
public record DbLocation(Path file, boolean createIfMissing) {

    public static final String FOLDER = ".tack";
    public static final String FILE_NAME = "tack.db";

    /** Finds the file for every command but {@code init}. */
    public static DbLocation resolve(String explicit, Path workingFolder, Map<String, String> env) {
        if (explicit != null && !explicit.isBlank()) {
            return new DbLocation(Path.of(explicit).toAbsolutePath().normalize(), false);
        }
        for (Path folder = workingFolder.toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve(FOLDER).resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return new DbLocation(candidate, false);
            }
        }
        return new DbLocation(dataFolder(env).resolve(FILE_NAME), true);
    }

    /** {@code $XDG_DATA_HOME/tack}, else {@code ~/.local/share/tack}. */
    static Path dataFolder(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "tack");
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".local", "share", "tack");
    }
}
