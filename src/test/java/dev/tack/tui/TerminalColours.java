package dev.tack.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;

/**
 * What a terminal shows for a cell: its colours as RGB, as xterm would draw them on a backdrop (the
 * terminal's own text and background colours). The sixteen ANSI colours are xterm's defaults (the
 * terminal of issue 15), the 256 indexes xterm's cube and grey ramp (the same in every terminal);
 * bold on one of the eight normal colours is its bright twin (xterm's {@code boldColors}, on by
 * default); reverse video swaps the two.
 */
record TerminalColours(int background, int foreground) {

    /** xterm's own palette: black, red, green, yellow, blue, magenta, cyan, white, then the bright ones. */
    private static final int[] XTERM = {0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
        0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff};

    /** The foreground and background the cell is seen in: {@code [fg, bg]}. */
    int[] of(TextCharacter cell) {
        boolean bold = cell.getModifiers().contains(SGR.BOLD);
        int fg = rgb(cell.getForegroundColor(), foreground, bold);
        int bg = rgb(cell.getBackgroundColor(), background, false);
        return cell.getModifiers().contains(SGR.REVERSE) ? new int[] {bg, fg} : new int[] {fg, bg};
    }

    static int rgb(TextColor colour, int fallback, boolean bold) {
        if (colour == null || colour == TextColor.ANSI.DEFAULT) {
            return fallback;
        }
        if (colour instanceof TextColor.ANSI ansi) {
            int index = ansi.ordinal() < TextColor.ANSI.DEFAULT.ordinal() ? ansi.ordinal() : ansi.ordinal() - 1;
            return XTERM[bold && index < 8 ? index + 8 : index];
        }
        if (colour instanceof TextColor.Indexed indexed) {
            String sgr = new String(indexed.getForegroundSGRSequence(), java.nio.charset.StandardCharsets.US_ASCII); // 38;5;N
            int n = Integer.parseInt(sgr.substring(sgr.lastIndexOf(';') + 1));
            if (n < 16) {
                return XTERM[bold && n < 8 ? n + 8 : n];
            }
            if (n >= 232) {
                int v = 8 + 10 * (n - 232);
                return v << 16 | v << 8 | v;
            }
            int[] steps = {0, 0x5f, 0x87, 0xaf, 0xd7, 0xff};
            n -= 16;
            return steps[n / 36] << 16 | steps[n / 6 % 6] << 8 | steps[n % 6];
        }
        return colour.getRed() << 16 | colour.getGreen() << 8 | colour.getBlue();
    }

    /** The WCAG 2.x contrast ratio of two colours, from 1 to 21. */
    static double contrast(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG 2.x relative luminance. */
    static double luminance(int rgb) {
        return 0.2126 * channel(rgb >> 16 & 0xff) + 0.7152 * channel(rgb >> 8 & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
