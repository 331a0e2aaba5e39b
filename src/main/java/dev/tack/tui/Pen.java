package dev.tack.tui;

import java.util.EnumSet;
import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;

/** Colours and attributes for a run of cells. Immutable. */
record Pen(TextColor fg, TextColor bg, EnumSet<SGR> sgr) {

    static final Pen PLAIN = new Pen(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, EnumSet.noneOf(SGR.class));

    Pen {
        sgr = sgr.isEmpty() ? EnumSet.noneOf(SGR.class) : EnumSet.copyOf(sgr);
    }

    @Override
    public EnumSet<SGR> sgr() {
        return EnumSet.copyOf(sgr);
    }

    Pen fg(TextColor color) {
        return new Pen(color, bg, sgr);
    }

    Pen bg(TextColor color) {
        return new Pen(fg, color, sgr);
    }

    Pen with(SGR attribute) {
        EnumSet<SGR> set = sgr();
        set.add(attribute);
        return new Pen(fg, bg, set);
    }

    Pen bold() {
        return with(SGR.BOLD);
    }

    Pen reverse() {
        return with(SGR.REVERSE);
    }

    boolean has(SGR attribute) {
        return sgr.contains(attribute);
    }

    /** This pen's attributes added to another's colours: a selection highlight over a coloured tag. */
    Pen over(Pen base) {
        EnumSet<SGR> set = base.sgr();
        set.addAll(sgr);
        return new Pen(fg == TextColor.ANSI.DEFAULT ? base.fg : fg, bg == TextColor.ANSI.DEFAULT ? base.bg : bg, set);
    }
}
