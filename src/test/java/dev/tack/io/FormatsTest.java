package dev.tack.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import dev.tack.board.BoardSnapshot;
import dev.tack.model.TackException;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private static final BoardSnapshot SAMPLE = new BoardSnapshot("main", List.of(
            new BoardSnapshot.Lane("Todo", null, false, List.of(
                    new BoardSnapshot.Item("a, \"quoted\"", "line1\nline2", List.of("x", "y"), 2, LocalDate.of(2026, 12, 1),
                            "alice", false, List.of(new BoardSnapshot.Note("bob", "looks good", "2026-11-28T00:00:00Z"))))),
            new BoardSnapshot.Lane("Doing", 3, true, List.of(
                    new BoardSnapshot.Item("gone", "", List.of(), 0, null, null, true, List.of())))));

    @Test
    void jsonRoundTripsEverythingButIds() throws IOException {
        StringWriter out = new StringWriter();
        new JsonFormat().write(SAMPLE, out);
        assertThat(out.toString()).contains("\"format\": \"tack-board\"");
        assertThat(new JsonFormat().read(new StringReader(out.toString()))).isEqualTo(SAMPLE);
    }

    @Test
    void csvRoundTripsCardsWithoutComments() throws IOException {
        StringWriter out = new StringWriter();
        new CsvFormat().write(SAMPLE, out);
        BoardSnapshot back = new CsvFormat().read(new StringReader(out.toString()));
        assertThat(back.columns()).extracting(BoardSnapshot.Lane::name).containsExactly("Todo", "Doing");
        BoardSnapshot.Item first = back.columns().get(0).cards().get(0);
        assertThat(first.title()).isEqualTo("a, \"quoted\"");
        assertThat(first.description()).isEqualTo("line1\nline2");
        assertThat(first.tags()).containsExactly("x", "y");
        assertThat(first.priority()).isEqualTo(2);
        assertThat(first.due()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(first.assignee()).isEqualTo("alice");
        assertThat(first.comments()).isEmpty();
        assertThat(back.columns().get(1).cards().get(0).archived()).isTrue();
    }

    @Test
    void csvWithOnlyTitlesGoesToTheFirstColumn() {
        BoardSnapshot snapshot = new CsvFormat().read(new StringReader("title\nfirst\nsecond\n"));
        assertThat(snapshot.columns()).hasSize(1);
        assertThat(snapshot.columns().get(0).name()).isNull();
        assertThat(snapshot.columns().get(0).cards()).extracting(BoardSnapshot.Item::title).containsExactly("first", "second");
    }

    @Test
    void csvWithABadPriorityNamesTheRow() {
        assertThatThrownBy(() -> new CsvFormat().read(new StringReader("title,priority\nok,1\nbad,high\n")))
                .isInstanceOf(TackException.class).hasMessageContaining("line 3, field priority");
    }

    @Test
    void markdownListsLiveCardsUnderColumnHeadings() throws IOException {
        StringWriter out = new StringWriter();
        new MarkdownFormat().write(SAMPLE, out);
        assertThat(out.toString()).contains("# main", "## Todo (1)", "- [ ] a, \"quoted\" !! `#x` `#y` (due 2026-12-01) @alice",
                "  > line1", "## Doing (0/3)").doesNotContain("gone");
    }

    @Test
    void trelloExportBecomesColumnsInListOrderWithLabelsAndComments() throws IOException {
        BoardSnapshot snapshot;
        try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/io/trello-board.json"), StandardCharsets.UTF_8)) {
            snapshot = new TrelloFormat().read(in);
        }
        assertThat(snapshot.board()).isEqualTo("Launch");
        assertThat(snapshot.columns()).extracting(BoardSnapshot.Lane::name).containsExactly("To do", "Doing");
        BoardSnapshot.Item first = snapshot.columns().get(0).cards().get(0);
        assertThat(first.title()).isEqualTo("First");
        assertThat(first.tags()).containsExactly("red", "needs-review");
        assertThat(first.due()).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(first.comments()).extracting(BoardSnapshot.Note::author).containsExactly("alice", "bob");
        assertThat(snapshot.columns().get(0).cards().get(1).title()).isEqualTo("Second");
        assertThat(snapshot.columns().get(1).cards().get(0).archived()).isTrue();
    }

    @Test
    void sniffsTrelloApartFromTackJson() {
        assertThat(Format.sniff("board.json", "{\"id\":\"b\",\"lists\":[],\"cards\":[{\"idList\":\"x\"}]}")).isInstanceOf(TrelloFormat.class);
        assertThat(Format.sniff("board.json", "{\"format\":\"tack-board\",\"columns\":[]}")).isInstanceOf(JsonFormat.class);
        assertThat(Format.sniff("cards.csv", "title\n")).isInstanceOf(CsvFormat.class);
        assertThatThrownBy(() -> Format.sniff("notes.txt", "hello")).isInstanceOf(TackException.class);
    }

    @Test
    void markdownCannotBeImported() {
        assertThatThrownBy(() -> new MarkdownFormat().read(new StringReader("# x")))
                .isInstanceOf(TackException.class).hasMessageContaining("cannot import md");
    }
}
