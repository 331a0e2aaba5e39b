package dev.tack.tui;

/** What a key or a mouse gesture on the board asks for. */
sealed interface Action {

    /** Moves the selection down ({@code rows > 0}) or up. */
    record Vertical(int rows) implements Action {
    }

    /** Moves the selection to the next ({@code +1}) or previous column. */
    record Sideways(int delta) implements Action {
    }

    /** {@code g} / {@code G}: the first or last card of the column. */
    record Jump(boolean top) implements Action {
    }

    /** Page keys: a screenful down ({@code +1}) or up. */
    record Page(int direction) implements Action {
    }

    /** {@code H} / {@code L}: moves the selected card to the previous or next column. */
    record StepCard(int direction) implements Action {
    }

    /** {@code J} / {@code K}: moves the selected card down or up in its column. */
    record ShiftCard(int delta) implements Action {
    }

    record NewCard() implements Action {
    }

    record Edit() implements Action {
    }

    /** {@code E}: the description in {@code $EDITOR}. */
    record EditInEditor() implements Action {
    }

    record Comment() implements Action {
    }

    record Archive() implements Action {
    }

    /** {@code w}: the selected card waits for another, typed by number or picked on the board. */
    record Link() implements Action {
    }

    /** A digit in the details view: ticks ({@code done}) or unticks item {@code number} of card {@code cardId}'s checklist. */
    record ToggleItem(long cardId, int number, boolean done) implements Action {
    }

    record Details() implements Action {
    }

    record StartFilter() implements Action {
    }

    /** {@code Backspace} on the board: back into the filter line, one character shorter. */
    record EditFilter() implements Action {
    }

    /** {@code Esc} on the board: clears the filter. */
    record ClearFilter() implements Action {
    }

    /** {@code s}: the selected column's view sorted by the next of priority, due, age, last change, or the board's order again. */
    record CycleSort() implements Action {
    }

    record SwitchBoard() implements Action {
    }

    /** {@code :}: go to a card by its number, on whichever board it is. */
    record GoToCard() implements Action {
    }

    /** {@code F}: find cards on every board of the database as you type; Enter goes to one. */
    record SearchAll() implements Action {
    }

    /** {@code M}: moves the selected card to another board (a board, then one of its columns). */
    record MoveToBoard() implements Action {
    }

    /** {@code A}: the board's archived cards: filter, restore one. */
    record ArchiveView() implements Action {
    }

    record ManageColumns() implements Action {
    }

    /** Undo ({@code redo} false) or redo the person's own last card change, made from any process. */
    record History(boolean redo) implements Action {
    }

    record Help() implements Action {
    }

    /** {@code Ctrl+L}: re-reads the board and repaints the whole terminal. */
    record Redraw() implements Action {
    }

    record Quit() implements Action {
    }

    /** A mouse button pressed at a cell. */
    record Press(int x, int y) implements Action {
    }

    /** The mouse moved with a button held. */
    record Drag(int x, int y) implements Action {
    }

    /** The mouse button let go. */
    record Release(int x, int y) implements Action {
    }

    /** The wheel turned over a cell: {@code +1} down, {@code -1} up. */
    record Wheel(int x, int y, int direction) implements Action {
    }

    /** Ctrl+Z: hand the terminal back to the shell and stop, as job control would (taken by the screen's loop). */
    record Suspend() implements Action {
    }

    record None() implements Action {
    }
}
