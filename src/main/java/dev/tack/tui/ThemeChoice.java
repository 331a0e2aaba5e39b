package dev.tack.tui;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which colours the screen uses, as a person asks for them ({@code --theme}, {@code TACK_THEME}, or
 * the configuration's {@code theme = "…"}): {@link #AUTO} follows the terminal's background, the
 * others force a palette. {@code NO_COLOR} overrides every choice: no colour at all.
 */
public enum ThemeChoice {
    AUTO, DARK, LIGHT, HIGH_CONTRAST;

    /** The name a person types: {@code auto}, {@code dark}, {@code light}, {@code high-contrast}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads a name as typed (any case, {@code _} or {@code -}); a name that is none of them says which are. */
    public static ThemeChoice parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ThemeChoice choice : values()) {
            if (choice.label().equals(wanted)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a theme (choose "
                + Arrays.stream(values()).map(ThemeChoice::label).collect(Collectors.joining(", ")) + ")");
    }
}
