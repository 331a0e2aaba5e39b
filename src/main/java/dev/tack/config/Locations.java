package dev.tack.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the config files are. The user's is {@code $XDG_CONFIG_HOME/tack/config.toml}, else
 * {@code ~/.config/tack/config.toml}; a project's is {@code .tack/config.toml} in the working
 * folder or the nearest parent that has one, as git finds {@code .git}, looking no higher than the
 * home folder (or the root, outside it). Finding them costs one {@code stat} per folder: nothing
 * is read when there is no file.
 */
public final class Locations {

    public static final String PROJECT_FOLDER = ".tack";
    public static final String FILE_NAME = "config.toml";

    private Locations() {
    }

    /** The user's file, whether it exists or not. */
    public static Path userFile(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "tack", FILE_NAME);
        }
        return home(env).resolve(".config").resolve("tack").resolve(FILE_NAME);
    }

    /** The nearest project's {@code .tack/config.toml}, or null when there is none. */
    public static Path projectFile(Path workingFolder, Path home) {
        for (Path folder = workingFolder.toAbsolutePath().normalize(); folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve(PROJECT_FOLDER).resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            if (folder.equals(home)) {
                return null; // the home folder is as high as a project goes
            }
        }
        return null;
    }

    /** The project folder of a project's config file: the folder that holds {@code .tack/}. */
    public static Path projectFolder(Path projectFile) {
        return projectFile.getParent().getParent();
    }

    public static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home).toAbsolutePath().normalize();
    }

    /** A path as a config file writes it: {@code ~/} is the home folder, a relative one is relative to {@code base}. */
    static Path path(String text, Path base, Path home) {
        if (text.equals("~")) {
            return home;
        }
        if (text.startsWith("~/")) {
            return home.resolve(text.substring(2)).normalize();
        }
        return base.resolve(text).toAbsolutePath().normalize();
    }
}
