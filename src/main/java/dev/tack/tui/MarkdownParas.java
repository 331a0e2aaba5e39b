package dev.tack.tui;

import java.util.ArrayList;
import java.util.List;
import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * A card's description as Markdown (CommonMark, with commonmark-java) turned into the details
 * view's paragraphs: headings bold, emphasis italic, strong bold, code in its own colour, lists
 * with their markers and hanging indents, {@code [ ]}/{@code [x]} items as ☐/☑, block quotes
 * indented behind a bar, links as their text followed by the URL (nothing on a terminal is
 * clickable by accident, and the reader sees where a link goes). HTML is shown as the text it is.
 *
 * <p>Safety: every text node, URL and code literal goes through {@link Canvas#displayable} (the
 * sanitiser: escape sequences and control characters are shown, never sent) when it becomes a
 * span; nothing from the text reaches the terminal any other way.
 *
 * <p>Start-up: this is the only class that touches commonmark-java, and only the details view
 * calls it, so the parser's classes are loaded when a person first opens a card with a description,
 * not when the board starts.
 */
final class MarkdownParas {

    static final Pen CODE = Pen.PLAIN.fg(TextColor.ANSI.GREEN);
    private static final Pen URL = BoardRenderer.DIM;
    /** The parser is safe to share; made on first use (see the class comment). */
    private static final Parser PARSER = Parser.builder().build();

    private final List<Pager.Para> out = new ArrayList<>();

    private MarkdownParas() {
    }

    /** The paragraphs of {@code markdown}, indented by {@code indent}. */
    static List<Pager.Para> of(String markdown, int indent) {
        MarkdownParas paras = new MarkdownParas();
        paras.blocks(PARSER.parse(markdown.replace("\t", "    ")), indent, true);
        return paras.out;
    }

    /** The block children of {@code parent}; {@code loose}: a blank line between them (not inside a tight list). */
    private void blocks(Node parent, int indent, boolean loose) {
        boolean first = true;
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (!first && loose) {
                out.add(new Pager.Para("", Pen.PLAIN, 0));
            }
            first = false;
            block(node, indent);
        }
    }

    private void block(Node node, int indent) {
        if (node instanceof Heading heading) {
            Pen pen = heading.getLevel() == 1 ? Pen.PLAIN.bold().with(SGR.UNDERLINE) : Pen.PLAIN.bold();
            paragraph(node, pen, indent, List.of(), 0);
        } else if (node instanceof Paragraph) {
            paragraph(node, Pen.PLAIN, indent, List.of(), 0);
        } else if (node instanceof ListBlock list) {
            list(list, indent);
        } else if (node instanceof FencedCodeBlock code) {
            codeLines(code.getLiteral(), indent + 2);
        } else if (node instanceof IndentedCodeBlock code) {
            codeLines(code.getLiteral(), indent + 2);
        } else if (node instanceof BlockQuote) {
            int before = out.size();
            blocks(node, indent + 2, true);
            for (int i = before; i < out.size(); i++) {
                out.set(i, quoted(out.get(i), indent));
            }
        } else if (node instanceof ThematicBreak) {
            out.add(new Pager.Para("────────", URL, indent));
        } else if (node instanceof HtmlBlock html) {
            codeLines(html.getLiteral(), indent); // shown as written: a terminal renders no HTML
        } else {
            blocks(node, indent, true); // a block this class does not know: its children, if any
        }
    }

    private void list(ListBlock list, int indent) {
        int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null ? ordered.getMarkerStartNumber() : 1;
        String delimiter = list instanceof OrderedList ordered && ordered.getMarkerDelimiter() != null ? ordered.getMarkerDelimiter() : ".";
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            String marker = list instanceof BulletList ? "• " : (number++) + delimiter + " ";
            Node firstChild = item.getFirstChild();
            Node rest = firstChild;
            if (firstChild instanceof Paragraph paragraph) {
                String box = taskBox(paragraph);
                if (box != null) {
                    marker = (list instanceof BulletList ? "" : marker) + box + " ";
                }
                int hang = dev.tack.text.Width.of(marker);
                paragraph(paragraph, Pen.PLAIN, indent, List.of(new Pager.Span(marker, box == null ? URL : Pen.PLAIN.bold())), hang);
                rest = firstChild.getNext();
            } else {
                out.add(Pager.Para.styled(List.of(new Pager.Span(marker, URL)), indent, 0));
            }
            int hang = dev.tack.text.Width.of(marker);
            for (Node child = rest; child != null; child = child.getNext()) {
                if (!list.isTight()) {
                    out.add(new Pager.Para("", Pen.PLAIN, 0));
                }
                block(child, indent + hang);
            }
        }
    }

    /**
     * A task item's box: {@code [ ]} → ☐, {@code [x]} → ☑, taken off the start of the item's text
     * (CommonMark itself has no task lists; the GFM extension is one rule, kept here instead).
     */
    private static String taskBox(Paragraph paragraph) {
        if (paragraph.getFirstChild() instanceof Text text) {
            String literal = text.getLiteral();
            if (literal.length() >= 3 && literal.charAt(0) == '[' && literal.charAt(2) == ']'
                    && (literal.length() == 3 || literal.charAt(3) == ' ')) {
                char mark = literal.charAt(1);
                if (mark == ' ' || mark == 'x' || mark == 'X') {
                    text.setLiteral(literal.substring(Math.min(literal.length(), 4)));
                    return mark == ' ' ? "☐" : "☑";
                }
            }
        }
        return null;
    }

    /** A paragraph's inlines as styled lines (a hard line break starts another), after {@code lead} (a list marker). */
    private void paragraph(Node node, Pen pen, int indent, List<Pager.Span> lead, int hang) {
        List<Pager.Span> line = new ArrayList<>(lead);
        inlines(node, pen, line, indent, hang);
        out.add(Pager.Para.styled(line, indent, hang));
    }

    private void inlines(Node parent, Pen pen, List<Pager.Span> line, int indent, int hang) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                span(line, text.getLiteral(), pen);
            } else if (node instanceof Emphasis) {
                inlines(node, pen.with(SGR.ITALIC), line, indent, hang);
            } else if (node instanceof StrongEmphasis) {
                inlines(node, pen.bold(), line, indent, hang);
            } else if (node instanceof Code code) {
                span(line, code.getLiteral(), CODE.over(pen));
            } else if (node instanceof Link link) {
                int before = line.size();
                inlines(node, pen.with(SGR.UNDERLINE), line, indent, hang);
                String shown = line.subList(before, line.size()).stream().map(Pager.Span::text).reduce("", String::concat);
                String url = Canvas.displayable(link.getDestination());
                if (!url.isEmpty() && !url.equals(shown) && !("mailto:" + shown).equals(url)) {
                    span(line, " <" + link.getDestination() + ">", URL);
                }
            } else if (node instanceof Image image) {
                span(line, "[image: ", URL);
                inlines(node, pen, line, indent, hang);
                span(line, "] <" + image.getDestination() + ">", URL);
            } else if (node instanceof SoftLineBreak) {
                span(line, " ", pen);
            } else if (node instanceof HardLineBreak) {
                out.add(Pager.Para.styled(List.copyOf(line), indent, hang));
                line.clear();
                line.add(new Pager.Span(" ".repeat(hang), pen));
            } else if (node instanceof HtmlInline html) {
                span(line, html.getLiteral(), URL);
            } else {
                inlines(node, pen, line, indent, hang);
            }
        }
    }

    /** Sanitised here, once per text node: escapes and control characters become visible marks. */
    private static void span(List<Pager.Span> line, String text, Pen pen) {
        String clean = Canvas.displayable(text);
        if (!clean.isEmpty()) {
            line.add(new Pager.Span(clean, pen));
        }
    }

    private void codeLines(String literal, int indent) {
        String text = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        for (String line : text.split("\n", -1)) {
            List<Pager.Span> spans = new ArrayList<>();
            span(spans, line, CODE);
            out.add(Pager.Para.styled(spans, indent, 0));
        }
    }

    /** A paragraph of a block quote: a bar in front of its first line. */
    private static Pager.Para quoted(Pager.Para para, int indent) {
        if (para.spans() == null) {
            return para;
        }
        List<Pager.Span> spans = new ArrayList<>();
        spans.add(new Pager.Span("│ ", URL));
        spans.addAll(para.spans());
        return Pager.Para.styled(spans, indent, para.indent() - indent + para.hang());
    }
}
