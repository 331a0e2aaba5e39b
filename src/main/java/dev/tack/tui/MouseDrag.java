package dev.tack.tui;

import java.util.List;
import dev.tack.model.Card;

/**
 * The mouse on the board: a click selects (or scrolls the lanes at their edges), the wheel scrolls
 * a column, and a card dragged to another lane, or to another place in its own, is moved there
 * when released. It knows the model and the layout of the last drawing; the move itself is the
 * controller's.
 */
final class MouseDrag {

    /** Moves card {@code id} to {@code column} at {@code position} (null: the bottom). */
    interface Mover {
        void move(long id, String column, Integer position);
    }

    private final BoardModel model;
    private final Mover mover;
    private Long dragCard;
    private int dragFromLane = -1;
    private int dropLane = -1;

    /** Asked when a card is dropped within its own sorted column; true when the sort refuses it. */
    private final java.util.function.BooleanSupplier refusedBySort;

    MouseDrag(BoardModel model, Mover mover) {
        this(model, mover, () -> false);
    }

    MouseDrag(BoardModel model, Mover mover, java.util.function.BooleanSupplier refusedBySort) {
        this.model = model;
        this.mover = mover;
        this.refusedBySort = refusedBySort;
    }

    /** The lane a dragged card would land in, or -1. */
    int dropLane() {
        return dropLane;
    }

    void press(Layout layout, int x, int y) {
        dragCard = null;
        dropLane = -1;
        int visible = layout.laneAt(x);
        if (visible < 0 || layout.tooSmall()) {
            return;
        }
        int laneIndex = model.firstLane() + visible;
        if (laneIndex >= model.lanes().size()) {
            return;
        }
        if (y == Layout.HEADER_ROW) {
            if (visible == 0 && model.firstLane() > 0 && x < layout.laneX(0) + 2) {
                model.scrollLanes(-1);
            } else if (visible == layout.lanesVisible() - 1 && x >= layout.width() - 1
                    && model.firstLane() + layout.lanesVisible() < model.lanes().size()) {
                model.scrollLanes(1);
            } else {
                model.selectInLane(laneIndex, model.scroll(laneIndex));
            }
            return;
        }
        int slot = layout.slotAt(y);
        if (slot < 0) {
            return;
        }
        int index = model.scroll(laneIndex) + slot;
        List<Card> laneCards = model.lanes().get(laneIndex).cards();
        if (index < laneCards.size()) {
            model.selectInLane(laneIndex, index);
            dragCard = laneCards.get(index).id();
            dragFromLane = laneIndex;
        } else {
            model.selectInLane(laneIndex, laneCards.size() - 1);
        }
    }

    void drag(Layout layout, int x, int y) {
        if (dragCard == null) {
            return;
        }
        int visible = layout.laneAt(x);
        dropLane = visible < 0 ? -1 : model.firstLane() + visible;
    }

    void release(Layout layout, int x, int y) {
        Long id = dragCard;
        dragCard = null;
        dropLane = -1;
        if (id == null) {
            return;
        }
        int visible = layout.laneAt(x);
        if (visible < 0 || model.firstLane() + visible >= model.lanes().size()) {
            return;
        }
        int laneIndex = model.firstLane() + visible;
        BoardModel.Lane target = model.lanes().get(laneIndex);
        int slot = layout.slotAt(y);
        Integer position = null;
        boolean sorted = model.sort(target.column().id()) != ColumnSort.BOARD;
        if (sorted && laneIndex == dragFromLane) {
            refusedBySort.getAsBoolean(); // a place in a sorted view is not a place in the board's order
            return;
        }
        if (slot >= 0 && !sorted) { // into a sorted column from another: to its bottom, as the board orders it
            int index = model.scroll(laneIndex) + slot;
            position = index < target.cards().size() ? target.cards().get(index).position() : null;
        }
        if (laneIndex == dragFromLane) {
            Card card = model.selectedCard().filter(c -> c.id() == id).orElse(null);
            if (card == null || position == null || position == card.position()) {
                return;
            }
        }
        mover.move(id, target.column().name(), position);
    }

    void wheel(Layout layout, int x, int y, int direction) {
        int visible = layout.laneAt(x);
        if (visible >= 0) {
            model.scrollLane(model.firstLane() + visible, direction);
        }
    }
}
