package dev.tack.tui;

import com.googlecode.lanterna.TerminalSize;

/**
 * Where everything goes for a terminal size: a title row, a row of column headers, the cards
 * (two rows each, three when titles wrap: every card the same height, so that a column scrolls by
 * whole cards and a click finds its card by row) and two rows at the bottom for the status and the key hints. Columns are at
 * least {@link #MIN_LANE} wide, separated by one column; those that do not fit scroll sideways.
 */
record Layout(int width, int height, boolean tooSmall, int lanesVisible, int laneWidth, int slots, int cardRows) {

    static final int MIN_WIDTH = 50;
    static final int MIN_HEIGHT = 12;
    static final int MIN_LANE = 24;
    static final int CARD_ROWS = 2;
    static final int TITLE_ROW = 0;
    static final int HEADER_ROW = 1;
    static final int BODY_TOP = 2;

    /** Cards one title row high; with wrapped titles, see {@link #of(TerminalSize, int, int)}. */
    static Layout of(TerminalSize size, int laneCount) {
        return of(size, laneCount, CARD_ROWS);
    }

    /** {@code cardRows}: 2, or 3 for titles on two lines. */
    static Layout of(TerminalSize size, int laneCount, int cardRows) {
        int w = size.getColumns();
        int h = size.getRows();
        boolean tooSmall = w < MIN_WIDTH || h < MIN_HEIGHT;
        int visible = laneCount == 0 ? 0 : Math.max(1, Math.min(laneCount, (w + 1) / (MIN_LANE + 1)));
        int laneWidth = visible == 0 ? w : (w - (visible - 1)) / visible;
        int bodyRows = Math.max(0, h - BODY_TOP - 2);
        return new Layout(w, h, tooSmall, visible, laneWidth, Math.max(1, bodyRows / cardRows), cardRows);
    }

    int bodyRows() {
        return Math.max(0, height - BODY_TOP - 2);
    }

    int statusRow() {
        return height - 2;
    }

    int hintRow() {
        return height - 1;
    }

    /** The first column of the {@code i}-th visible lane. */
    int laneX(int i) {
        return i * (laneWidth + 1);
    }

    /** The width of the {@code i}-th visible lane: the last one takes what is left over. */
    int laneWidth(int i) {
        return i == lanesVisible - 1 ? width - laneX(i) : laneWidth;
    }

    /** Which visible lane column {@code x} falls in, or -1. */
    int laneAt(int x) {
        for (int i = 0; i < lanesVisible; i++) {
            if (x >= laneX(i) && x < laneX(i) + laneWidth(i)) {
                return i;
            }
        }
        return -1;
    }

    /** Which card slot row {@code y} falls in, or -1 outside the cards. */
    int slotAt(int y) {
        if (y < BODY_TOP || y >= BODY_TOP + slots * cardRows || y >= BODY_TOP + bodyRows()) {
            return -1;
        }
        return (y - BODY_TOP) / cardRows;
    }
}
