package dev.tack.tui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.tack.board.BoardView;
import dev.tack.board.CardFilter;
import dev.tack.model.Card;
import dev.tack.model.Column;

/**
 * What the screen shows and where the person is: the lanes of the last {@link BoardView} with the
 * filter applied, the selection (a card id, so that it follows the card wherever it moves), a
 * vertical scroll offset per column and the first column shown. {@link #reload} swaps in a new view
 * without losing any of that: when the selected card is gone (archived, deleted, filtered out) the
 * selection goes to its neighbour, and scroll offsets move only as far as needed to keep the
 * selection in sight.
 */
final class BoardModel {

    /** One column as shown: its cards after the filter, and its live total. */
    record Lane(Column column, int total, List<Card> cards) {
        boolean overLimit() {
            return column.overLimit(total);
        }
    }

    private record Place(int lane, int index) {
    }

    private BoardView view;
    private List<Lane> lanes = List.of();
    private Map<Long, Place> places = Map.of();
    private int lane;
    private Long selected;
    private Long pendingSelection;
    private final Map<Long, Integer> scrollByColumn = new HashMap<>();
    private int firstLane;
    private int lanesVisible = 1;
    private int slots = 1;
    private String filterText = "";
    private CardFilter filter = CardFilter.ALL;
    /** The view's sort per column id (absent: the board's order); kept across reloads, dropped with the column. */
    private final Map<Long, ColumnSort> sorts = new HashMap<>();

    BoardView view() {
        return view;
    }

    boolean loaded() {
        return view != null;
    }

    List<Lane> lanes() {
        return lanes;
    }

    int laneIndex() {
        return lane;
    }

    Optional<Lane> currentLane() {
        return lane < lanes.size() ? Optional.of(lanes.get(lane)) : Optional.empty();
    }

    Optional<Card> selectedCard() {
        Place place = selected == null ? null : places.get(selected);
        return place == null ? Optional.empty() : Optional.of(lanes.get(place.lane).cards.get(place.index));
    }

    /** The index of the selected card in its lane, or -1. */
    int selectedIndex() {
        Place place = selected == null ? null : places.get(selected);
        return place == null ? -1 : place.index;
    }

    int scroll(int laneIndex) {
        return laneIndex < lanes.size() ? scrollByColumn.getOrDefault(lanes.get(laneIndex).column.id(), 0) : 0;
    }

    int firstLane() {
        return firstLane;
    }

    int lanesVisible() {
        return lanesVisible;
    }

    int slots() {
        return slots;
    }

    String filterText() {
        return filterText;
    }

    boolean filtered() {
        return !filter.isEmpty();
    }

    int shownCount() {
        return lanes.stream().mapToInt(l -> l.cards.size()).sum();
    }

    /** How column {@code columnId} is shown. */
    ColumnSort sort(long columnId) {
        return sorts.getOrDefault(columnId, ColumnSort.BOARD);
    }

    /** How the selected column is shown. */
    ColumnSort currentSort() {
        return currentLane().map(l -> sort(l.column.id())).orElse(ColumnSort.BOARD);
    }

    /**
     * The selected column's next sort (board → prio → due → age → changed → board); the selection
     * stays on its card, which the column's scroll follows. Returns the sort now shown.
     */
    ColumnSort cycleSort() {
        Optional<Lane> current = currentLane();
        if (current.isEmpty()) {
            return ColumnSort.BOARD;
        }
        long columnId = current.get().column.id();
        ColumnSort next = sort(columnId).next();
        Anchor anchor = anchor();
        if (next == ColumnSort.BOARD) {
            sorts.remove(columnId);
        } else {
            sorts.put(columnId, next);
        }
        rebuild();
        restore(anchor);
        return next;
    }

    // -- loading -----------------------------------------------------------------------------------

    /** Swaps in a new view of the board, keeping the selection on the same card and scrolls in place. */
    void reload(BoardView newView) {
        Anchor anchor = anchor();
        view = newView;
        rebuild();
        restore(anchor);
    }

    /** Applies a filter typed as in {@link CardFilter#parse}; an empty one shows every card. */
    void filter(String text) {
        String value = text == null ? "" : text;
        if (value.equals(filterText)) {
            return;
        }
        Anchor anchor = anchor();
        filterText = value;
        filter = CardFilter.parse(value);
        rebuild();
        restore(anchor);
    }

    /** Whether card {@code id} is on the board as shown (the filter keeps it). */
    boolean shows(long id) {
        return places.containsKey(id);
    }

    /** Selects the card {@code id} now if it is shown, or as soon as a reload brings it. */
    void select(long id) {
        if (places.containsKey(id)) {
            place(places.get(id));
            pendingSelection = null;
        } else {
            pendingSelection = id;
        }
    }

    /** Forgets the selection and every scroll position (another board). */
    void resetSelection() {
        lane = 0;
        selected = null;
        pendingSelection = null;
        firstLane = 0;
        scrollByColumn.clear();
        sorts.clear();
    }

    /** Tells the model how many lanes and card slots the screen has room for. */
    void viewport(int visibleLanes, int cardSlots) {
        int newLanes = Math.max(1, visibleLanes);
        int newSlots = Math.max(1, cardSlots);
        if (newLanes != lanesVisible || newSlots != slots) {
            lanesVisible = newLanes;
            slots = newSlots;
            clampScrolls();
            ensureVisible();
        }
    }

    // -- moving the selection ---------------------------------------------------------------------

    void down(int n) {
        currentLane().filter(l -> !l.cards.isEmpty()).ifPresent(l -> {
            int index = selectedIndex() < 0 ? 0 : Math.min(l.cards.size() - 1, selectedIndex() + n);
            place(new Place(lane, index));
        });
    }

    void up(int n) {
        currentLane().filter(l -> !l.cards.isEmpty()).ifPresent(l -> {
            int index = selectedIndex() < 0 ? 0 : Math.max(0, selectedIndex() - n);
            place(new Place(lane, index));
        });
    }

    void top() {
        up(Integer.MAX_VALUE / 2);
    }

    void bottom() {
        down(Integer.MAX_VALUE / 2);
    }

    void page(int direction) {
        if (direction > 0) {
            down(slots);
        } else {
            up(slots);
        }
    }

    /** Moves to the lane {@code delta} away, to the card on the same screen row where there is one. */
    void sideways(int delta) {
        if (lanes.isEmpty()) {
            return;
        }
        int target = Math.max(0, Math.min(lanes.size() - 1, lane + delta));
        if (target == lane) {
            return;
        }
        int row = selectedIndex() < 0 ? 0 : selectedIndex() - scroll(lane);
        selectInLane(target, scroll(target) + Math.max(0, row));
    }

    /** Selects lane {@code laneIndex}, the card at {@code index} there (clamped), or the lane alone when it is empty. */
    void selectInLane(int laneIndex, int index) {
        if (laneIndex < 0 || laneIndex >= lanes.size()) {
            return;
        }
        List<Card> cards = lanes.get(laneIndex).cards;
        if (cards.isEmpty()) {
            lane = laneIndex;
            selected = null;
            ensureVisible();
        } else {
            place(new Place(laneIndex, Math.max(0, Math.min(cards.size() - 1, index))));
        }
    }

    /** Scrolls one lane (the mouse wheel) without moving the selection. */
    void scrollLane(int laneIndex, int delta) {
        if (laneIndex < 0 || laneIndex >= lanes.size()) {
            return;
        }
        long columnId = lanes.get(laneIndex).column.id();
        scrollByColumn.put(columnId, clampScroll(laneIndex, scroll(laneIndex) + delta));
    }

    /** Scrolls the columns sideways without moving the selection. */
    void scrollLanes(int delta) {
        firstLane = Math.max(0, Math.min(Math.max(0, lanes.size() - lanesVisible), firstLane + delta));
    }

    // -- inside ------------------------------------------------------------------------------------

    /** Where the selection was before a change, to find it (or its neighbour) again afterwards. */
    private record Anchor(Long cardId, Long columnId, int laneIndex, int index, List<Long> neighbours) {
    }

    private Anchor anchor() {
        if (lanes.isEmpty()) {
            return new Anchor(selected, null, lane, -1, List.of());
        }
        Lane current = lanes.get(Math.min(lane, lanes.size() - 1));
        int index = selectedIndex();
        List<Long> neighbours = new ArrayList<>();
        if (index >= 0) {
            for (int step = 1; step <= 3; step++) {
                if (index + step < current.cards.size()) {
                    neighbours.add(current.cards.get(index + step).id());
                }
                if (index - step >= 0) {
                    neighbours.add(current.cards.get(index - step).id());
                }
            }
        }
        return new Anchor(selected, current.column.id(), lane, index, neighbours);
    }

    private void restore(Anchor before) {
        Long pending = pendingSelection;
        if (pending != null && places.containsKey(pending)) {
            pendingSelection = null;
            place(places.get(pending));
            return;
        }
        if (before.cardId != null && places.containsKey(before.cardId)) {
            Place now = places.get(before.cardId);
            lane = now.lane;
            selected = before.cardId;
            boolean moved = before.columnId == null || lanes.get(now.lane).column.id() != before.columnId
                    || now.index != before.index;
            clampScrolls();
            if (moved) {
                ensureVisible();
            }
            return;
        }
        int laneIndex = laneOfColumn(before.columnId, before.laneIndex);
        for (Long neighbour : before.neighbours) {
            Place place = places.get(neighbour);
            if (place != null && place.lane == laneIndex) {
                clampScrolls();
                place(place);
                return;
            }
        }
        clampScrolls();
        if (lanes.isEmpty()) {
            lane = 0;
            selected = null;
            firstLane = 0;
            return;
        }
        if (before.cardId == null && before.index < 0) {
            selectInLane(laneIndex, scroll(laneIndex));
            return;
        }
        selectInLane(laneIndex, Math.max(0, before.index));
    }

    private int laneOfColumn(Long columnId, int fallback) {
        if (columnId != null) {
            for (int i = 0; i < lanes.size(); i++) {
                if (lanes.get(i).column.id() == columnId) {
                    return i;
                }
            }
        }
        return Math.max(0, Math.min(fallback, lanes.size() - 1));
    }

    private void rebuild() {
        List<Lane> built = new ArrayList<>(view.lanes().size());
        Map<Long, Place> index = new HashMap<>(view.cardCount() * 2);
        for (BoardView.Lane source : view.lanes()) {
            List<Card> cards = filter.isEmpty() ? source.cards()
                    : source.cards().stream().filter(c -> filter.matches(c, !view.marks().waitingFor(c.id()).isEmpty())).toList();
            ColumnSort sort = sort(source.column().id());
            if (sort.order() != null) {
                cards = cards.stream().sorted(sort.order()).toList(); // stable: ties keep the board's order
            }
            int laneIndex = built.size();
            for (int i = 0; i < cards.size(); i++) {
                index.put(cards.get(i).id(), new Place(laneIndex, i));
            }
            built.add(new Lane(source.column(), source.total(), cards));
        }
        lanes = List.copyOf(built);
        places = index;
        if (lane >= lanes.size()) {
            lane = Math.max(0, lanes.size() - 1);
        }
        scrollByColumn.keySet().retainAll(lanes.stream().map(l -> l.column.id()).toList());
        sorts.keySet().retainAll(view.lanes().stream().map(l -> l.column().id()).toList());
    }

    private void place(Place place) {
        lane = place.lane;
        selected = lanes.get(place.lane).cards.get(place.index).id();
        ensureVisible();
    }

    private void ensureVisible() {
        if (lanes.isEmpty()) {
            firstLane = 0;
            return;
        }
        if (lane < firstLane) {
            firstLane = lane;
        } else if (lane >= firstLane + lanesVisible) {
            firstLane = lane - lanesVisible + 1;
        }
        firstLane = Math.max(0, Math.min(firstLane, Math.max(0, lanes.size() - lanesVisible)));
        int index = selectedIndex();
        if (index >= 0) {
            int top = scroll(lane);
            if (index < top) {
                top = index;
            } else if (index >= top + slots) {
                top = index - slots + 1;
            }
            scrollByColumn.put(lanes.get(lane).column.id(), clampScroll(lane, top));
        }
    }

    private void clampScrolls() {
        for (int i = 0; i < lanes.size(); i++) {
            long id = lanes.get(i).column.id();
            if (scrollByColumn.containsKey(id)) {
                scrollByColumn.put(id, clampScroll(i, scrollByColumn.get(id)));
            }
        }
        firstLane = Math.max(0, Math.min(firstLane, Math.max(0, lanes.size() - lanesVisible)));
    }

    private int clampScroll(int laneIndex, int value) {
        int size = lanes.get(laneIndex).cards.size();
        return Math.max(0, Math.min(value, Math.max(0, size - slots)));
    }
}
