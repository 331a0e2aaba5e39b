package dev.tack.tui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;

/** Lanterna's virtual terminal with a screen on it, read back cell by cell. */
final class Vt {

    final DefaultVirtualTerminal terminal;
    final TerminalScreen screen;

    Vt(int columns, int rows) {
        terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
        try {
            screen = new TerminalScreen(terminal);
            screen.startScreen();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Vt draw(BoardController controller) {
        controller.render(screen.newTextGraphics(), screen.getTerminalSize());
        try {
            screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
            complete = false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Resizes the terminal; the next draw repaints every cell, as the screen loop does after a resize. */
    void resize(int columns, int rows) {
        terminal.setTerminalSize(new TerminalSize(columns, rows));
        screen.doResizeIfNecessary();
        complete = true;
    }

    private boolean complete;

    TextCharacter cell(int x, int y) {
        return terminal.getCharacter(x, y);
    }

    int columns() {
        return terminal.getTerminalSize().getColumns();
    }

    int rows() {
        return terminal.getTerminalSize().getRows();
    }

    /** One row as text; a wide character (which fills two cells) appears once. */
    String row(int y) {
        StringBuilder out = new StringBuilder();
        for (int x = 0; x < columns(); ) {
            TextCharacter c = cell(x, y);
            out.append(c.getCharacterString());
            x += c.isDoubleWidth() ? 2 : 1;
        }
        return out.toString();
    }

    List<String> rowsText() {
        List<String> rows = new ArrayList<>();
        for (int y = 0; y < rows(); y++) {
            rows.add(row(y));
        }
        return rows;
    }

    String text() {
        return String.join("\n", rowsText());
    }

    /** The column where {@code text} starts on row {@code y}, counted in cells (wide characters count two), or -1. */
    int columnOf(String text, int y) {
        for (int x = 0; x < columns(); x++) {
            StringBuilder here = new StringBuilder();
            for (int cx = x; cx < columns() && here.length() < text.length() + 2; ) {
                TextCharacter c = cell(cx, y);
                here.append(c.getCharacterString());
                cx += c.isDoubleWidth() ? 2 : 1;
            }
            if (here.toString().startsWith(text)) {
                return x;
            }
        }
        return -1;
    }
}
