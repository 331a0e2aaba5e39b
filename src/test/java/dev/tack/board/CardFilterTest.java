package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import dev.tack.model.Card;
import org.junit.jupiter.api.Test;

class CardFilterTest {

    @Test
    void parsesTagsWithEitherSpelling() {
        CardFilter filter = CardFilter.parse("tag:bug #ui TAG:Docs");
        assertThat(filter.tags()).containsExactly("bug", "ui", "Docs");
        assertThat(filter.words()).isEmpty();
        assertThat(filter.assignee()).isNull();
        assertThat(filter.priority()).isNull();
    }

    @Test
    void parsesAssigneePriorityAndWords() {
        CardFilter filter = CardFilter.parse("  login  @alice p:2   page ");
        assertThat(filter.assignee()).isEqualTo("alice");
        assertThat(filter.priority()).isEqualTo(2);
        assertThat(filter.words()).containsExactly("login", "page");
        assertThat(filter.tags()).isEmpty();
        assertThat(filter.column()).isNull();
    }

    @Test
    void incompleteTermsAreWords() {
        CardFilter filter = CardFilter.parse("# @ tag: p:7 p:");
        assertThat(filter.words()).containsExactly("#", "@", "tag:", "p:7", "p:");
        assertThat(filter.tags()).isEmpty();
        assertThat(filter.assignee()).isNull();
        assertThat(filter.priority()).isNull();
    }

    @Test
    void anEmptyLineMatchesEverything() {
        assertThat(CardFilter.parse("").isEmpty()).isTrue();
        assertThat(CardFilter.parse("   ").isEmpty()).isTrue();
        assertThat(CardFilter.parse("x").isEmpty()).isFalse();
    }

    @Test
    void everyTermMustMatchInAnyCase() {
        Card card = card("Fix the Login page", "see the logs", List.of("bug", "UI"), 2, "Alice");
        assertThat(CardFilter.parse("login").matches(card)).isTrue();
        assertThat(CardFilter.parse("LOGS").matches(card)).as("description").isTrue();
        assertThat(CardFilter.parse("#ui tag:BUG").matches(card)).isTrue();
        assertThat(CardFilter.parse("@alice p:2 fix").matches(card)).isTrue();
        assertThat(CardFilter.parse("@bob").matches(card)).isFalse();
        assertThat(CardFilter.parse("p:1").matches(card)).isFalse();
        assertThat(CardFilter.parse("#docs").matches(card)).isFalse();
        assertThat(CardFilter.parse("login missing").matches(card)).isFalse();
        assertThat(CardFilter.parse("b").matches(card)).as("a word may match inside a tag").isTrue();
    }

    @Test
    void aColumnFilterMatchesTheColumnName() {
        Card card = card("t", "", List.of(), 0, null);
        assertThat(new CardFilter("todo", null, null, null, null).matches(card)).isTrue();
        assertThat(new CardFilter("Doing", null, null, null, null).matches(card)).isFalse();
        assertThat(CardFilter.parse("@someone").matches(card)).as("unassigned").isFalse();
    }

    @Test
    void hashAndDigitsIsACardNumberThatAlsoMatchesADigitTag() {
        CardFilter filter = CardFilter.parse("#7");
        assertThat(filter.numbers()).containsExactly("7");
        assertThat(filter.tags()).isEmpty();
        assertThat(filter.isEmpty()).isFalse();
        assertThat(filter.matches(card("t", "", List.of(), 0, null))).as("card 7").isTrue();
        assertThat(CardFilter.parse("#007").matches(card("t", "", List.of(), 0, null))).isTrue();
        assertThat(CardFilter.parse("#70").matches(card("t", "", List.of(), 0, null))).isFalse();
        assertThat(CardFilter.parse("#2024").matches(card("t", "", List.of("2024"), 0, null))).as("tagged 2024").isTrue();
        assertThat(CardFilter.parse("tag:7").matches(card("t", "", List.of(), 0, null))).as("tag:7 is only a tag").isFalse();
        assertThat(CardFilter.parse("#7x").tags()).containsExactly("7x");
    }

    private static Card card(String title, String description, List<String> tags, int priority, String assignee) {
        return new Card(7, 1, 1, "Todo", 0, title, description, tags, priority, LocalDate.of(2030, 1, 1), assignee, false, 1,
                "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", null, 0, false);
    }
}
