package dev.tack.cli;

/**
 * Colour for text output, on only when standard output is a terminal, {@code NO_COLOR} is unset
 * and the terminal is not dumb. It writes markers, not escape sequences: {@link SanitizingWriter}
 * at the output boundary turns them into SGR sequences, after it has made everything else safe.
 */
final class Style {

    private final boolean enabled;

    Style(boolean enabled) {
        this.enabled = enabled;
    }

    static Style detect(boolean terminal) {
        return new Style(terminal && coloursWanted());
    }

    static boolean coloursWanted() {
        boolean noColor = System.getenv("NO_COLOR") != null && !System.getenv("NO_COLOR").isEmpty();
        return !noColor && !"dumb".equals(System.getenv("TERM"));
    }

    String bold(String text) {
        return wrap("1", text);
    }

    String dim(String text) {
        return wrap("2", text);
    }

    String red(String text) {
        return wrap("31", text);
    }

    String green(String text) {
        return wrap("32", text);
    }

    String yellow(String text) {
        return wrap("33", text);
    }

    String blue(String text) {
        return wrap("34", text);
    }

    String magenta(String text) {
        return wrap("35", text);
    }

    String cyan(String text) {
        return wrap("36", text);
    }

    private String wrap(String code, String text) {
        return enabled && !text.isEmpty() ? marker(code) + text + marker("0") : text;
    }

    private static String marker(String code) {
        return SanitizingWriter.MARK + code + SanitizingWriter.END;
    }
}
