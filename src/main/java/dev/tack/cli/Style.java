package dev.tack.cli;

/**
 * ANSI colour for text output, on only when standard output is a terminal, {@code NO_COLOR} is
 * unset and the terminal is not dumb. Every string that came from the database is sanitised
 * before it gets here.
 */
final class Style {

    private final boolean enabled;

    Style(boolean enabled) {
        this.enabled = enabled;
    }

    static Style detect() {
        boolean tty = Terminal.interactive();
        boolean noColor = System.getenv("NO_COLOR") != null && !System.getenv("NO_COLOR").isEmpty();
        boolean dumb = "dumb".equals(System.getenv("TERM"));
        return new Style(tty && !noColor && !dumb);
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
        return enabled && !text.isEmpty() ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
