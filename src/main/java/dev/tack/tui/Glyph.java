package dev.tack.tui;

import com.googlecode.lanterna.TextCharacter;

/**
 * One grapheme cluster for one (or two) cells, whose width is tack's ({@link dev.tack.text.Width})
 * rather than Lanterna's guess. Lanterna 3.1 keeps one cluster per {@link TextCharacter} but finds
 * clusters with Java 17's {@code BreakIterator}, which splits emoji ZWJ sequences; so the glyph is
 * built on the first piece and answers {@link #getCharacterString()} (what the screen writes to the
 * terminal) with the whole cluster. Lanterna's screen buffer and its delta refresh ask {@link #isDoubleWidth()}
 * to decide whether a character covers the next cell and how far the cursor moves; answering with
 * the width the renderer used keeps Lanterna's bookkeeping and the layout in step, also for
 * characters Lanterna misjudges (it calls every non-BMP character wide, for instance).
 */
final class Glyph extends TextCharacter {

    private static final long serialVersionUID = 1L;

    private final boolean wide;
    private final String cluster;

    @SuppressWarnings("deprecation") // the copy constructor is the only public way to a TextCharacter of a whole code point
    Glyph(String cluster, boolean wide, Pen pen) {
        super(TextCharacter.fromString(cluster, pen.fg(), pen.bg(), pen.sgr())[0]);
        this.wide = wide;
        this.cluster = cluster;
    }

    @Override
    public String getCharacterString() {
        return cluster;
    }

    @Override
    public boolean isDoubleWidth() {
        return wide;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Glyph glyph && glyph.wide == wide && glyph.cluster.equals(cluster) && super.equals(other);
    }

    @Override
    public int hashCode() {
        return (super.hashCode() * 31 + cluster.hashCode()) * 31 + (wide ? 1 : 0);
    }
}
