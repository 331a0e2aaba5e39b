package dev.tack.board;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A change to a card's fields. A null field is left as it is; for {@code due} and
 * {@code assignee}, an empty Optional clears the value.
 */
@SuppressWarnings("OptionalUsedAsFieldOrParameterType") // null = unchanged, empty = cleared
public record CardEdit(String title, String description, List<String> addTags, List<String> removeTags,
                       Integer priority, Optional<LocalDate> due, Optional<String> assignee) {

    public CardEdit {
        addTags = addTags == null ? List.of() : List.copyOf(addTags);
        removeTags = removeTags == null ? List.of() : List.copyOf(removeTags);
    }

    public static CardEdit none() {
        return new CardEdit(null, null, List.of(), List.of(), null, null, null);
    }

    public CardEdit withTitle(String newTitle) {
        return new CardEdit(newTitle, description, addTags, removeTags, priority, due, assignee);
    }

    public CardEdit withDescription(String newDescription) {
        return new CardEdit(title, newDescription, addTags, removeTags, priority, due, assignee);
    }

    public boolean isEmpty() {
        return title == null && description == null && addTags.isEmpty() && removeTags.isEmpty() && priority == null
                && due == null && assignee == null;
    }
}
