package dev.tack.tui;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.TextColor.ANSI;

/**
 * The colours the screen is drawn in. The renderer's pens name the sixteen ANSI colours; a theme
 * says what each name becomes on this terminal, as a terminal's own colour scheme would (a light
 * scheme's "yellow" is a dark amber): in a terminal with 256 colours (or more) an xterm-256 index
 * from 16 up, whose colour is the same in every terminal, chosen to read at 4.5:1 (WCAG 2.x) or more
 * on that background; in a plain 16-colour terminal (TERM=xterm, the Linux console) one of the
 * sixteen that reads there in xterm's own palette, with bold dropped where xterm would turn it into
 * a brighter, fainter colour (its {@code boldColors}, on by default). The selection and the title bar
 * are reverse video, which keeps any pair's contrast as it is. {@code ThemeContrastTest} renders
 * every theme and checks every cell; {@code NO_COLOR} is not a theme but {@link Monochrome}, over
 * whatever theme was chosen.
 */
final class Theme {

    /** What the terminal's own background is, as it answered (or as COLORFGBG says). */
    enum Background { DARK, LIGHT }

    /** The dark theme in 16 colours: the screen's default until the terminal has been asked. */
    static final Theme DEFAULT = of(ThemeChoice.DARK, Background.DARK, false);

    private final String name;
    private final Background background;
    private final boolean manyColours;
    private final Map<ANSI, TextColor> fg;
    private final Map<ANSI, TextColor> bg;
    /** 16 colours only: the normal colours (0–7) that may stay bold, because their bright twin reads too. */
    private final Set<ANSI> boldReads;

    private Theme(String name, Background background, boolean manyColours, Map<ANSI, TextColor> fg, Map<ANSI, TextColor> bg,
                  Set<ANSI> boldReads) {
        this.name = name;
        this.background = background;
        this.manyColours = manyColours;
        this.fg = fg;
        this.bg = bg;
        this.boldReads = boldReads;
    }

    /**
     * The theme for a choice on a background, in 256 colours or in 16. {@link ThemeChoice#AUTO} is
     * the background's own theme; a forced dark or light one is drawn as chosen, whatever the background.
     */
    static Theme of(ThemeChoice choice, Background background, boolean manyColours) {
        return switch (choice) {
            case AUTO -> of(background == Background.LIGHT ? ThemeChoice.LIGHT : ThemeChoice.DARK, background, manyColours);
            case DARK -> manyColours ? dark256() : dark16();
            case LIGHT -> manyColours ? light256() : light16();
            case HIGH_CONTRAST -> background == Background.LIGHT
                    ? manyColours ? highContrastLight256() : highContrastLight16()
                    : manyColours ? highContrastDark256() : highContrastDark16();
        };
    }

    /**
     * The theme for this terminal: {@code choice}, on the background the terminal answered, else the
     * one {@code COLORFGBG} names, else dark; in 256 colours when the terminal says it has them.
     */
    static Theme choose(ThemeChoice choice, Optional<Background> answered, Function<String, String> environment) {
        Optional<Background> known = answered.or(() -> BackgroundQuery.fromColorfgbg(environment.apply("COLORFGBG")));
        boolean many = manyColours(environment);
        if (choice == ThemeChoice.AUTO && known.isEmpty() && !many) {
            return EITHER_16; // no answer and no COLORFGBG: in 16 colours no hue reads on both, so none is used
        }
        return of(choice, known.orElse(Background.DARK), many);
    }

    /**
     * 16 colours on a background nobody told: not one of xterm's sixteen reads at 4.5:1 on both black
     * and white, so text keeps the terminal's own colour (bold, underlined or reversed where it
     * stood out by colour); only what has a background of its own (an exceeded limit, a drop
     * target, a form's field) keeps colour, its text chosen for that background.
     */
    static final Theme EITHER_16 = either16();

    /** True for the theme made for a background it does not know ({@link #EITHER_16}). */
    boolean eitherBackground() {
        return this == EITHER_16;
    }

    /**
     * Whether the terminal shows 256 colours or more: {@code COLORTERM=truecolor} (or {@code 24bit}),
     * or a {@code TERM} that says so ({@code xterm-256color}, {@code tmux-256color}, {@code *-direct},
     * kitty's, alacritty's, WezTerm's, foot's). Plain {@code xterm}, {@code screen} and {@code linux} have 16.
     */
    static boolean manyColours(Function<String, String> environment) {
        String colorterm = String.valueOf(environment.apply("COLORTERM")).toLowerCase(java.util.Locale.ROOT);
        if (colorterm.equals("truecolor") || colorterm.equals("24bit")) {
            return true;
        }
        String term = String.valueOf(environment.apply("TERM")).toLowerCase(java.util.Locale.ROOT);
        return term.contains("256color") || term.endsWith("-direct") || term.equals("xterm-kitty") || term.equals("alacritty")
                || term.equals("wezterm") || term.startsWith("foot") || term.equals("xterm-ghostty");
    }

    /** For diagnostics and tests: {@code light-256}, {@code high-contrast-dark-16}, … */
    String name() {
        return name;
    }

    /** The background the palette is made for. */
    Background background() {
        return background;
    }

    boolean manyColours() {
        return manyColours;
    }

    /** The pen as this theme draws it. */
    Pen paint(Pen pen) {
        TextColor foreground = pen.fg() instanceof ANSI ansi ? fg.getOrDefault(ansi, ansi) : pen.fg();
        TextColor background = pen.bg() instanceof ANSI ansi ? bg.getOrDefault(ansi, ansi) : pen.bg();
        EnumSet<SGR> sgr = pen.sgr();
        if (!manyColours && sgr.contains(SGR.BOLD) && foreground instanceof ANSI ansi && ansi.ordinal() <= ANSI.WHITE.ordinal()
                && !boldReads.contains(ansi)) {
            sgr.remove(SGR.BOLD);
        }
        return new Pen(foreground, background, sgr);
    }

    // -- the palettes: every entry is checked by ThemeContrastTest on the backgrounds it names --------

    private static Theme dark256() {
        return new Theme("dark-256", Background.DARK, true, colours(
                ANSI.BLACK, 16, ANSI.RED, 203, ANSI.GREEN, 114, ANSI.YELLOW, 220, ANSI.BLUE, 75, ANSI.MAGENTA, 177,
                ANSI.CYAN, 80, ANSI.WHITE, 253, ANSI.BLACK_BRIGHT, 245, ANSI.RED_BRIGHT, 210, ANSI.GREEN_BRIGHT, 119,
                ANSI.YELLOW_BRIGHT, 228, ANSI.BLUE_BRIGHT, 111, ANSI.MAGENTA_BRIGHT, 213, ANSI.CYAN_BRIGHT, 87,
                ANSI.WHITE_BRIGHT, 231),
                colours(ANSI.RED, 124, ANSI.YELLOW, 220, ANSI.BLACK_BRIGHT, 238), Set.of());
    }

    private static Theme light256() {
        return new Theme("light-256", Background.LIGHT, true, colours(
                ANSI.BLACK, 16, ANSI.RED, 124, ANSI.GREEN, 22, ANSI.YELLOW, 94, ANSI.BLUE, 25, ANSI.MAGENTA, 127,
                ANSI.CYAN, 23, ANSI.WHITE, 231, ANSI.BLACK_BRIGHT, 241, ANSI.RED_BRIGHT, 160, ANSI.GREEN_BRIGHT, 58,
                ANSI.YELLOW_BRIGHT, 94, ANSI.BLUE_BRIGHT, 26, ANSI.MAGENTA_BRIGHT, 90, ANSI.CYAN_BRIGHT, 24,
                ANSI.WHITE_BRIGHT, 16),
                colours(ANSI.RED, 160, ANSI.YELLOW, 229, ANSI.BLACK_BRIGHT, 254), Set.of());
    }

    private static Theme highContrastDark256() {
        return new Theme("high-contrast-dark-256", Background.DARK, true, colours(
                ANSI.BLACK, 16, ANSI.RED, 210, ANSI.GREEN, 120, ANSI.YELLOW, 226, ANSI.BLUE, 117, ANSI.MAGENTA, 213,
                ANSI.CYAN, 51, ANSI.WHITE, 231, ANSI.BLACK_BRIGHT, 250, ANSI.RED_BRIGHT, 217, ANSI.GREEN_BRIGHT, 156,
                ANSI.YELLOW_BRIGHT, 229, ANSI.BLUE_BRIGHT, 153, ANSI.MAGENTA_BRIGHT, 219, ANSI.CYAN_BRIGHT, 123,
                ANSI.WHITE_BRIGHT, 231),
                colours(ANSI.RED, 88, ANSI.YELLOW, 226, ANSI.BLACK_BRIGHT, 236), Set.of());
    }

    private static Theme highContrastLight256() {
        return new Theme("high-contrast-light-256", Background.LIGHT, true, colours(
                ANSI.BLACK, 16, ANSI.RED, 88, ANSI.GREEN, 22, ANSI.YELLOW, 52, ANSI.BLUE, 18, ANSI.MAGENTA, 90,
                ANSI.CYAN, 23, ANSI.WHITE, 231, ANSI.BLACK_BRIGHT, 238, ANSI.RED_BRIGHT, 124, ANSI.GREEN_BRIGHT, 22,
                ANSI.YELLOW_BRIGHT, 52, ANSI.BLUE_BRIGHT, 17, ANSI.MAGENTA_BRIGHT, 53, ANSI.CYAN_BRIGHT, 23,
                ANSI.WHITE_BRIGHT, 16),
                colours(ANSI.RED, 88, ANSI.YELLOW, 229, ANSI.BLACK_BRIGHT, 252), Set.of());
    }

    /** Today's colours, less those that do not read on black in xterm's palette (red, blue, magenta). */
    private static Theme dark16() {
        return new Theme("dark-16", Background.DARK, false, ansi(
                ANSI.RED, ANSI.RED_BRIGHT, ANSI.BLUE, ANSI.CYAN, ANSI.MAGENTA, ANSI.MAGENTA_BRIGHT, ANSI.BLUE_BRIGHT, ANSI.CYAN_BRIGHT),
                ansi(ANSI.BLACK_BRIGHT, ANSI.BLUE), EnumSet.of(ANSI.GREEN, ANSI.YELLOW, ANSI.CYAN, ANSI.WHITE));
    }

    /** On white, xterm's green, yellow, cyan and grey are all under 4.5:1: what is left is red, blue, magenta and the text's own colour. */
    private static Theme light16() {
        return new Theme("light-16", Background.LIGHT, false, ansi(
                ANSI.BLACK_BRIGHT, ANSI.DEFAULT, ANSI.GREEN, ANSI.DEFAULT, ANSI.YELLOW, ANSI.MAGENTA, ANSI.CYAN, ANSI.BLUE,
                ANSI.RED_BRIGHT, ANSI.RED, ANSI.GREEN_BRIGHT, ANSI.DEFAULT, ANSI.YELLOW_BRIGHT, ANSI.MAGENTA,
                ANSI.CYAN_BRIGHT, ANSI.BLUE_BRIGHT, ANSI.MAGENTA_BRIGHT, ANSI.MAGENTA, ANSI.WHITE_BRIGHT, ANSI.BLACK),
                Map.of(), EnumSet.of(ANSI.BLUE, ANSI.WHITE));
    }

    /**
     * At 7:1 on black in 16 colours: the bright colours that reach it, the text's own colour for the
     * rest; red's 4.7:1 is too little for an alarm, which becomes black on white.
     */
    private static Theme highContrastDark16() {
        return new Theme("high-contrast-dark-16", Background.DARK, false, ansi(
                ANSI.RED, ANSI.YELLOW_BRIGHT, ANSI.RED_BRIGHT, ANSI.YELLOW_BRIGHT, ANSI.GREEN, ANSI.GREEN_BRIGHT,
                ANSI.YELLOW, ANSI.YELLOW_BRIGHT, ANSI.BLUE, ANSI.CYAN_BRIGHT, ANSI.BLUE_BRIGHT, ANSI.CYAN_BRIGHT,
                ANSI.MAGENTA, ANSI.DEFAULT, ANSI.MAGENTA_BRIGHT, ANSI.DEFAULT, ANSI.CYAN, ANSI.CYAN_BRIGHT,
                ANSI.BLACK_BRIGHT, ANSI.DEFAULT, ANSI.WHITE, ANSI.BLACK),
                ansi(ANSI.RED, ANSI.WHITE_BRIGHT, ANSI.BLACK_BRIGHT, ANSI.BLUE), EnumSet.noneOf(ANSI.class));
    }

    /** At 7:1 on white in 16 colours only blue and black remain: the rest is the text's own colour, bold where it was. */
    private static Theme highContrastLight16() {
        Map<ANSI, TextColor> fg = new EnumMap<>(ANSI.class);
        for (ANSI colour : ANSI.values()) {
            boolean blue = colour == ANSI.BLUE || colour == ANSI.BLUE_BRIGHT || colour == ANSI.CYAN || colour == ANSI.CYAN_BRIGHT;
            boolean onDark = colour == ANSI.WHITE || colour == ANSI.WHITE_BRIGHT || colour == ANSI.BLACK; // drawn on a background of their own
            fg.put(colour, blue ? ANSI.BLUE : onDark ? ANSI.WHITE_BRIGHT : ANSI.DEFAULT);
        }
        return new Theme("high-contrast-light-16", Background.LIGHT, false, fg,
                ansi(ANSI.RED, ANSI.BLACK, ANSI.BLACK_BRIGHT, ANSI.BLACK, ANSI.YELLOW, ANSI.BLACK), EnumSet.noneOf(ANSI.class));
    }

    private static Theme either16() {
        Map<ANSI, TextColor> fg = new EnumMap<>(ANSI.class);
        for (ANSI colour : ANSI.values()) {
            boolean onItsOwn = colour == ANSI.WHITE || colour == ANSI.WHITE_BRIGHT || colour == ANSI.BLACK; // drawn on a background of their own
            fg.put(colour, onItsOwn ? colour : ANSI.DEFAULT);
        }
        return new Theme("either-16", Background.DARK, false, fg, ansi(ANSI.BLACK_BRIGHT, ANSI.BLUE), EnumSet.of(ANSI.WHITE));
    }

    private static Map<ANSI, TextColor> colours(Object... pairs) {
        Map<ANSI, TextColor> map = new EnumMap<>(ANSI.class);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((ANSI) pairs[i], new TextColor.Indexed((Integer) pairs[i + 1]));
        }
        return map;
    }

    private static Map<ANSI, TextColor> ansi(ANSI... pairs) {
        Map<ANSI, TextColor> map = new EnumMap<>(ANSI.class);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Override
    public String toString() {
        return name;
    }
}
