package dev.tack.board;

import java.time.LocalDate;
import java.util.List;

/** What a person asks for when adding a card; null fields take their defaults. */
public record NewCard(String title, String column, String description, List<String> tags, int priority,
                      LocalDate due, String assignee, Integer position) {

    public NewCard {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static NewCard titled(String title) {
        return new NewCard(title, null, null, List.of(), 0, null, null, null);
    }

    public NewCard inColumn(String columnName) {
        return new NewCard(title, columnName, description, tags, priority, due, assignee, position);
    }
}
