package dev.tack.tui;

import java.util.Optional;
import java.util.function.Function;

/**
 * Why the screen is drawn in the theme it is, in one line for {@code --debug}: which theme, in how
 * many colours, and where the background came from (the terminal's answer to OSC 11, {@code
 * COLORFGBG}, nothing, or a forced choice). A person whose board looks wrong on their terminal can
 * tell from it whether the terminal answered; the xterm end-to-end test reads it too.
 */
final class ThemeOrigin {

    private ThemeOrigin() {
    }

    /** The line for {@code theme}, chosen for {@code choice} with the terminal's {@code answered} background (or none). */
    static String line(Theme theme, ThemeChoice choice, Optional<Theme.Background> answered, Function<String, String> environment,
                       boolean late) {
        String colours = Theme.manyColours(environment) ? "256 colours or more" : "16 colours";
        String term = String.valueOf(environment.apply("TERM"));
        return "theme " + theme.name() + " (asked for " + choice.label() + "): " + source(choice, answered, environment, late)
                + "; " + colours + " (TERM=" + dev.tack.text.Sanitizer.line(term) + ")";
    }

    private static String source(ThemeChoice choice, Optional<Theme.Background> answered, Function<String, String> environment,
                                 boolean late) {
        if (choice == ThemeChoice.DARK || choice == ThemeChoice.LIGHT) {
            return "forced, the terminal's background was not asked";
        }
        if (answered.isPresent()) {
            return "background " + name(answered.get()) + " from the terminal's OSC 11 answer" + (late ? ", which came late" : "");
        }
        Optional<Theme.Background> fromEnvironment = BackgroundQuery.fromColorfgbg(environment.apply("COLORFGBG"));
        if (fromEnvironment.isPresent()) {
            return "background " + name(fromEnvironment.get()) + " from COLORFGBG (no OSC 11 answer)";
        }
        return "background unknown (no OSC 11 answer, no COLORFGBG)";
    }

    private static String name(Theme.Background background) {
        return background == Theme.Background.LIGHT ? "light" : "dark";
    }
}
