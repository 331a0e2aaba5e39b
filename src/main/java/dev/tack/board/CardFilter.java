package dev.tack.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.tack.model.Card;

/**
 * Which cards to show. All given terms must match: text (in title, description or tags, any case),
 * tag, assignee, priority and card number. Parsed from the screen's filter line as {@code tag:x},
 * {@code #x}, {@code @who}, {@code p:2} and words; {@code #} and digits ({@code #4}) is a card
 * number, which matches card 4 and also cards tagged {@code 4} (a tag of digits is rare, and
 * {@code tag:4} names only the tag). {@code is:ready} and {@code is:blocked} keep the cards that wait
 * for nothing unfinished, or those that do ({@code ready}: true or false; null: either).
 */
public record CardFilter(String column, List<String> tags, String assignee, Integer priority, List<String> words,
                         List<String> numbers, Boolean ready) {

    public CardFilter {
        tags = tags == null ? List.of() : List.copyOf(tags);
        words = words == null ? List.of() : List.copyOf(words);
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
    }

    public CardFilter(String column, List<String> tags, String assignee, Integer priority, List<String> words) {
        this(column, tags, assignee, priority, words, List.of(), null);
    }

    public CardFilter(String column, List<String> tags, String assignee, Integer priority, List<String> words,
                      List<String> numbers) {
        this(column, tags, assignee, priority, words, numbers, null);
    }

    /** The same filter keeping only ready cards ({@code true}), only waiting ones ({@code false}) or either (null). */
    public CardFilter readiness(Boolean onlyReady) {
        return new CardFilter(column, tags, assignee, priority, words, numbers, onlyReady);
    }

    public static final CardFilter ALL = new CardFilter(null, List.of(), null, null, List.of());

    public static CardFilter parse(String line) {
        List<String> tags = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        String assignee = null;
        Integer priority = null;
        Boolean ready = null;
        for (String term : line.strip().split("\\s+")) {
            if (term.isEmpty()) {
                continue;
            }
            String lower = term.toLowerCase(Locale.ROOT);
            if (lower.startsWith("tag:") && term.length() > 4) {
                tags.add(term.substring(4));
            } else if (term.matches("#[0-9]+")) {
                numbers.add(term.substring(1));
            } else if (term.startsWith("#") && term.length() > 1) {
                tags.add(term.substring(1));
            } else if (term.startsWith("@") && term.length() > 1) {
                assignee = term.substring(1);
            } else if (lower.equals("is:ready")) {
                ready = true;
            } else if (lower.equals("is:blocked")) {
                ready = false;
            } else if (lower.matches("p:[0-3]")) {
                priority = lower.charAt(2) - '0';
            } else {
                words.add(term);
            }
        }
        return new CardFilter(null, tags, assignee, priority, words, numbers, ready);
    }

    public boolean isEmpty() {
        return column == null && tags.isEmpty() && assignee == null && priority == null && words.isEmpty() && numbers.isEmpty()
                && ready == null;
    }

    /** For a card that waits for nothing unfinished; see {@link #matches(Card, boolean)}. */
    public boolean matches(Card card) {
        return matches(card, false);
    }

    /** Whether the filter keeps {@code card}, which {@code waiting} for a card not done yet or not ({@link Readiness}). */
    public boolean matches(Card card, boolean waiting) {
        if (ready != null && ready == waiting) {
            return false;
        }
        if (column != null && !card.column().equalsIgnoreCase(column)) {
            return false;
        }
        for (String tag : tags) {
            if (card.tags().stream().noneMatch(t -> t.equalsIgnoreCase(tag))) {
                return false;
            }
        }
        for (String number : numbers) {
            String id = number.replaceFirst("^0+(?=.)", "");
            if (!String.valueOf(card.id()).equals(id) && card.tags().stream().noneMatch(t -> t.equalsIgnoreCase(number))) {
                return false;
            }
        }
        if (assignee != null && (card.assignee() == null || !card.assignee().equalsIgnoreCase(assignee))) {
            return false;
        }
        if (priority != null && card.priority() != priority) {
            return false;
        }
        for (String word : words) {
            String needle = word.toLowerCase(Locale.ROOT);
            boolean found = card.title().toLowerCase(Locale.ROOT).contains(needle)
                    || card.description().toLowerCase(Locale.ROOT).contains(needle)
                    || card.tags().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(needle))
                    || ("#" + card.id()).equals(needle);
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
