package dev.tack.tui;

import com.googlecode.lanterna.TextCharacter;

/**
 * One code point for one (or two) cells, whose width is tack's ({@link dev.tack.text.Width}) rather
 * than Lanterna's guess. Lanterna's screen buffer and its delta refresh ask {@link #isDoubleWidth()}
 * to decide whether a character covers the next cell and how far the cursor moves; answering with
 * the width the renderer used keeps Lanterna's bookkeeping and the layout in step, also for
 * characters Lanterna misjudges (it calls every non-BMP character wide, for instance).
 */
final class Glyph extends TextCharacter {

    private static final long serialVersionUID = 1L;

    private final boolean wide;

    @SuppressWarnings("deprecation") // the copy constructor is the only public way to a TextCharacter of a whole code point
    Glyph(String codePoint, boolean wide, Pen pen) {
        super(TextCharacter.fromString(codePoint, pen.fg(), pen.bg(), pen.sgr())[0]);
        this.wide = wide;
    }

    @Override
    public boolean isDoubleWidth() {
        return wide;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Glyph glyph && glyph.wide == wide && super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + (wide ? 1 : 0);
    }
}
