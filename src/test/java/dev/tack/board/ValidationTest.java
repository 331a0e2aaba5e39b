package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import dev.tack.model.TackException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t", "\n", " \t\r\n "})
    void anEmptyOrWhitespaceTitleIsRefused(String title) {
        assertUsage(() -> Validation.title(title)).hasMessage("a card needs a title that is not empty");
    }

    @Test
    void aNullTitleIsRefused() {
        assertUsage(() -> Validation.title(null));
    }

    @Test
    void aHundredThousandCharacterTitleIsRefusedWithTheLimitInTheMessage() {
        String title = "x".repeat(100_000);
        assertUsage(() -> Validation.title(title))
                .hasMessageContaining("100000 characters")
                .hasMessageContaining("limit is " + Validation.MAX_TITLE)
                .hasMessageContaining("description");
    }

    @Test
    void theTitleLimitCountsCharactersNotUtf16Units() {
        String emoji = "😀".repeat(Validation.MAX_TITLE); // 1000 chars, 500 code points
        assertThat(Validation.title(emoji)).isEqualTo(emoji);
        assertUsage(() -> Validation.title("x".repeat(Validation.MAX_TITLE + 1)));
    }

    @Test
    void titlesAreTrimmedButOtherwiseKeptAsGiven() {
        assertThat(Validation.title("  fix the bug  ")).isEqualTo("fix the bug");
        String hostile = "\u001b[2J\u001b]0;pwned\u0007 and \u009b31m";
        assertThat(Validation.title(hostile)).isEqualTo(hostile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"two words", "tab\there", "a,b", "bell\u0007", "nl\nx"})
    void aTagWithSpacesCommasOrControlCharactersIsRefused(String tag) {
        assertUsage(() -> Validation.tag(tag)).hasMessageContaining("must not contain spaces, commas or control characters");
    }

    @Test
    void tagsMayBeCommaSeparatedAreDedupedAndLoseTheirHash() {
        assertThat(Validation.tags(List.of("a,b", "#c", " b ", "a"))).containsExactly("a", "b", "c");
        assertThat(Validation.tags(List.of("a,,b,"))).containsExactly("a", "b");
        assertUsage(() -> Validation.tags(List.of("ok", "not ok")));
        // Tags that are already as they come out are given back as they are; any other goes the long way.
        assertThat(Validation.tags(List.of("a", "b"))).containsExactly("a", "b");
        assertThat(Validation.tags(List.of("b", "a", "b"))).containsExactly("b", "a");
        assertThat(Validation.tags(List.of("x", " y"))).containsExactly("x", "y");
        assertUsage(() -> Validation.tags(List.of("ok", "-no")));
        assertUsage(() -> Validation.tags(List.of("tab\there")));
    }

    @Test
    void anEmptyOrOverlongTagIsRefused() {
        assertUsage(() -> Validation.tag("  ")).hasMessage("a tag must not be empty");
        assertUsage(() -> Validation.tag("#")).hasMessage("a tag must not be empty");
        assertThat(Validation.tag("t".repeat(Validation.MAX_TAG))).hasSize(Validation.MAX_TAG);
        assertUsage(() -> Validation.tag("t".repeat(Validation.MAX_TAG + 1))).hasMessageContaining("longer than");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 4, 99, Integer.MIN_VALUE})
    void aPriorityOutsideZeroToThreeIsRefused(int priority) {
        assertUsage(() -> Validation.priority(priority)).hasMessageContaining("priority must be 0, 1, 2 or 3");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void prioritiesZeroToThreeAreAccepted(int priority) {
        assertThat(Validation.priority(priority)).isEqualTo(priority);
    }

    @Test
    void namesMustBeNonEmptyShortAndFreeOfControlCharacters() {
        assertThat(Validation.name("column", "  Doing ")).isEqualTo("Doing");
        assertUsage(() -> Validation.name("column", " ")).hasMessage("column name must not be empty");
        assertUsage(() -> Validation.name("board", "b".repeat(Validation.MAX_NAME + 1))).hasMessageContaining("longer than");
        assertUsage(() -> Validation.name("column", "x\u001b[2Jy")).hasMessageContaining("control characters");
    }

    @Test
    void aNewBoardsColumnsAreNamedOnceInAnyCase() {
        assertThat(Validation.columnNames(List.of(" A ", "b"))).containsExactly("A", "b");
        assertUsage(() -> Validation.columnNames(List.of("Todo", "todo"))).hasMessageContaining("'todo' is named twice");
        assertUsage(() -> Validation.columnNames(List.of())).hasMessage("a board needs at least one column");
    }

    @Test
    void assigneesLoseTheirAtAndBlankMeansNobody() {
        assertThat(Validation.assignee("@bob")).isEqualTo("bob");
        assertThat(Validation.assignee("  ")).isNull();
        assertThat(Validation.assignee(null)).isNull();
    }

    @Test
    void commentsAndDescriptionsHaveLimits() {
        assertUsage(() -> Validation.comment(" ")).hasMessage("a comment must not be empty");
        assertUsage(() -> Validation.comment("c".repeat(Validation.MAX_COMMENT + 1)));
        assertUsage(() -> Validation.description("d".repeat(Validation.MAX_DESCRIPTION + 1)));
        assertThat(Validation.description(null)).isEmpty();
        assertThat(Validation.description("line\nline")).isEqualTo("line\nline");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertUsage(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return assertThatThrownBy(call)
                .isInstanceOfSatisfying(TackException.class, e -> assertThat(e.kind()).isEqualTo(TackException.Kind.USAGE));
    }
}
