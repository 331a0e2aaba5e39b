package dev.tack.tui;

import static dev.tack.tui.Fixture.key;
import static dev.tack.tui.Fixture.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The details view renders a card's description as Markdown, on the virtual terminal, and safely. */
class MarkdownDetailsTest {

    @TempDir
    Path dir;
    Workspace board;

    @BeforeEach
    void open() {
        board = Fixture.create(dir, "alice");
    }

    @AfterEach
    void close() {
        board.close();
    }

    private Vt details(String description) {
        new Cards(board).add(new NewCard("card", "Todo", description, List.of(), 0, null, null, null));
        BoardController controller = Fixture.controller(board);
        keys(controller, key(KeyType.Enter));
        assertThat(controller.topDialog()).containsInstanceOf(DetailsView.class);
        return new Vt(100, 40).draw(controller);
    }

    /** The row holding {@code text}, and the cell where it starts. */
    private static TextCharacter cellOf(Vt vt, String text) {
        for (int y = 0; y < vt.rows(); y++) {
            int x = vt.columnOf(text, y);
            if (x >= 0) {
                return vt.cell(x, y);
            }
        }
        throw new AssertionError("'" + text + "' is not on the screen:\n" + vt.text());
    }

    private static int rowOf(Vt vt, String text) {
        for (int y = 0; y < vt.rows(); y++) {
            if (vt.row(y).contains(text)) {
                return y;
            }
        }
        throw new AssertionError("'" + text + "' is not on the screen:\n" + vt.text());
    }

    @Test
    void headingsEmphasisListsCodeLinksAndCheckboxes() {
        Vt vt = details("""
                # Plan

                Some *quiet* and **loud** words with `code` in them.

                - first point
                - second point
                  1. nested one
                  2. nested two

                - [ ] to do
                - [x] done

                ```
                fenced line
                ```

                See [the docs](https://example.com/docs) or <https://example.com>.

                > quoted text
                """);
        assertThat(cellOf(vt, "Plan").getModifiers()).contains(SGR.BOLD, SGR.UNDERLINE);
        assertThat(vt.text()).doesNotContain("# Plan").doesNotContain("*quiet*").doesNotContain("**loud**").doesNotContain("`code`");
        assertThat(cellOf(vt, "quiet").getModifiers()).contains(SGR.ITALIC);
        assertThat(cellOf(vt, "loud").getModifiers()).contains(SGR.BOLD);
        assertThat(cellOf(vt, "code in").getForegroundColor()).isNotEqualTo(cellOf(vt, "Some").getForegroundColor());
        assertThat(vt.row(rowOf(vt, "first point"))).contains("• first point");
        assertThat(vt.row(rowOf(vt, "nested one"))).contains("  1. nested one");
        assertThat(vt.columnOf("1. nested", rowOf(vt, "nested one"))).isGreaterThan(vt.columnOf("• second", rowOf(vt, "second point")));
        assertThat(vt.row(rowOf(vt, "to do"))).contains("☐ to do").doesNotContain("[ ]");
        assertThat(vt.row(rowOf(vt, "done"))).contains("☑ done").doesNotContain("[x]");
        assertThat(vt.text()).doesNotContain("```");
        assertThat(cellOf(vt, "fenced line").getForegroundColor()).isEqualTo(cellOf(vt, "code in").getForegroundColor());
        assertThat(vt.row(rowOf(vt, "the docs"))).contains("See the docs <https://example.com/docs> or https://example.com.");
        assertThat(cellOf(vt, "the docs").getModifiers()).contains(SGR.UNDERLINE);
        assertThat(vt.row(rowOf(vt, "quoted text"))).contains("│ quoted text");
    }

    @Test
    void longListItemsHangUnderTheirTextAndWideCharactersWrapByWidth() {
        Vt vt = details("- " + "看板 ".repeat(40).strip() + " end");
        int first = rowOf(vt, "• 看板");
        int x = vt.columnOf("看板", first);
        assertThat(vt.row(first + 1).replace("│", "").strip()).startsWith("看板");
        assertThat(vt.columnOf("看板", first + 1)).isEqualTo(x); // under the text, not under the bullet
    }

    @Test
    void noTerminalEscapesComeThroughTextCodeOrLinks() {
        String esc = "\u001b";
        Vt vt = details("# title " + esc + "]0;pwned" + "\u0007\n\ntext " + esc + "[31mred\n\n`" + esc + "[2J`\n\n"
                + "[link](https://x.example/" + esc + "[5m)\n\n```\n" + esc + "c reset\n```\n\n<b>" + esc + "[1m</b>");
        for (int y = 0; y < vt.rows(); y++) {
            for (int x = 0; x < vt.columns(); x++) {
                String cell = vt.cell(x, y).getCharacterString();
                assertThat(cell.codePoints().noneMatch(cp -> cp < 0x20 || cp == 0x7f || cp >= 0x80 && cp < 0xa0))
                        .as("cell %d,%d", x, y).isTrue();
            }
        }
        assertThat(vt.text()).contains("^[[31mred").contains("^[[2J").contains("^[c reset").contains("<b>");
    }
}
