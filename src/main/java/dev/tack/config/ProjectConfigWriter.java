package dev.tack.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import dev.tack.model.TackException;

/**
 * Writes a project's database into its {@code .tack/config.toml} ({@code tack init --db … --save}):
 * the {@code db = "…"} line is replaced, or added at the top, and every other line of the file is
 * kept as the person wrote it (comments too), which no TOML library's writer does. A URL with a
 * password is refused before anything is written. The new text is written beside the file and
 * moved over it, so a failure leaves the old file whole.
 */
public final class ProjectConfigWriter {

    /** A top-level {@code db = …} line (before any {@code [table]}). */
    private static final Pattern DB_LINE = Pattern.compile("^\\s*(db|\"db\"|'db')\\s*=.*$");
    private static final Pattern TABLE_LINE = Pattern.compile("^\\s*\\[.*$");

    private ProjectConfigWriter() {
    }

    /**
     * Saves {@code database} (a URL, or an absolute file path that is written relative to the
     * project folder when it lies inside it) into {@code file}, creating the file and its folder
     * when there are none.
     */
    public static void saveDb(Path file, String database) {
        if (DbUrls.hasPassword(database)) {
            throw TackException.usage(DbUrls.NO_PASSWORD);
        }
        String value = database;
        if (!DbUrls.isUrl(database)) {
            Path folder = Locations.projectFolder(file.toAbsolutePath().normalize());
            Path path = Path.of(database).toAbsolutePath().normalize();
            value = path.startsWith(folder) ? folder.relativize(path).toString() : path.toString();
        }
        String line = "db = " + tomlString(value);
        try {
            List<String> lines = Files.isRegularFile(file) ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8)) : new ArrayList<>();
            boolean replaced = false;
            for (int i = 0; i < lines.size() && !TABLE_LINE.matcher(lines.get(i)).matches(); i++) {
                if (DB_LINE.matcher(lines.get(i)).matches()) {
                    lines.set(i, line);
                    replaced = true;
                    break;
                }
            }
            if (!replaced) {
                lines.add(0, line);
            }
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".new");
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw TackException.failed("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** A TOML basic string: quotes, backslashes and control characters escaped. */
    static String tomlString(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
