package dev.tack.tui;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.AbstractTextGraphics;
import com.googlecode.lanterna.graphics.TextGraphics;

/**
 * The screen without colour, for {@code NO_COLOR} (no-color.org, as the command line honours it):
 * every cell passes through here on its way to the terminal and loses its colours, keeping its
 * attributes, so the selection (reverse) and headings (bold) still stand out. A cell that had a
 * background of its own (a form's input field, an exceeded WIP limit, a drop target) is underlined
 * instead, so that it does not vanish into the screen around it.
 */
final class Monochrome extends AbstractTextGraphics {

    private final TextGraphics target;
    private final Map<TextCharacter, TextCharacter> plain = new HashMap<>();

    Monochrome(TextGraphics target) {
        this.target = target;
    }

    /** True when the environment asks for no colour: {@code NO_COLOR} set and not empty. */
    static boolean wanted(Function<String, String> environment) {
        String value = environment.apply("NO_COLOR");
        return value != null && !value.isEmpty();
    }

    @Override
    public TerminalSize getSize() {
        return target.getSize();
    }

    @Override
    public TextGraphics setCharacter(int column, int row, TextCharacter character) {
        target.setCharacter(column, row, plain.computeIfAbsent(character, Monochrome::strip));
        return this;
    }

    @Override
    public TextCharacter getCharacter(int column, int row) {
        return target.getCharacter(column, row);
    }

    private static TextCharacter strip(TextCharacter cell) {
        EnumSet<SGR> sgr = EnumSet.noneOf(SGR.class);
        sgr.addAll(cell.getModifiers());
        if (cell.getBackgroundColor() != TextColor.ANSI.DEFAULT && !sgr.contains(SGR.REVERSE)) {
            sgr.add(SGR.UNDERLINE);
        }
        return new Glyph(cell.getCharacterString(), cell.isDoubleWidth(), new Pen(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, sgr));
    }
}
