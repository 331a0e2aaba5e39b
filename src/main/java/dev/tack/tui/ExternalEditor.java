package dev.tack.tui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code $EDITOR} round trip: the text goes into a temporary file (in the temp folder, never
 * beside the board), the terminal is handed to {@code $VISUAL}, {@code $EDITOR} or {@code vi}, and
 * what the person saved comes back. While the editor runs, Ctrl+C belongs to it ({@link Interrupts}).
 */
final class ExternalEditor {

    private final TerminalHandover handover;
    private final Consumer<String> error;

    ExternalEditor(TerminalHandover handover, Consumer<String> error) {
        this.handover = handover;
        this.error = error;
    }

    /** The edited text, or empty when the editor failed or exited non-zero (the reason shown by {@code error}). */
    Optional<String> edit(String text, String name) {
        Path temp = null;
        Interrupts interrupts = null;
        try {
            temp = Files.createTempFile("tack-" + name + "-", ".md");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            handover.giveAway();
            interrupts = Interrupts.hold();
            String editor = editor();
            Process process = new ProcessBuilder("/bin/sh", "-c", editor + " \"$1\"", "tack-editor", temp.toString())
                    .inheritIO().start();
            int code = process.waitFor();
            if (code != 0) {
                error.accept("the editor (" + editor + ") exited with " + code + ": nothing saved");
                return Optional.empty();
            }
            return Optional.of(Files.readString(temp, StandardCharsets.UTF_8));
        } catch (IOException e) {
            error.accept("cannot run the editor: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (interrupts != null) {
                interrupts.restore();
            }
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
            handover.takeBack(" after the editor");
        }
    }

    static String editor() {
        for (String name : new String[] {"VISUAL", "EDITOR"}) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "vi";
    }
}
