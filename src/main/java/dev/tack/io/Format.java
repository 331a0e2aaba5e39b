package dev.tack.io;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Locale;
import dev.tack.board.BoardSnapshot;
import dev.tack.model.TackException;

/** A file format for boards. Some only write (Markdown), some only read (Trello's export). */
public sealed interface Format permits JsonFormat, TextFormat, MarkdownFormat, CsvFormat, TrelloFormat {

    String name();

    default void write(BoardSnapshot snapshot, Writer out) throws IOException {
        throw TackException.usage("tack cannot write " + name() + "; export as json, tack, md or csv");
    }

    default BoardSnapshot read(Reader in) throws IOException {
        throw TackException.usage("tack cannot import " + name() + "; import json, tack, csv or trello");
    }

    static Format named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "json" -> new JsonFormat();
            case "tack", "text" -> new TextFormat();
            case "md", "markdown" -> new MarkdownFormat();
            case "csv" -> new CsvFormat();
            case "trello" -> new TrelloFormat();
            default -> throw TackException.usage("unknown format '" + name + "'; use json, tack, md, csv or trello");
        };
    }

    /** Guesses a file's format from its name and first characters: Trello's export is JSON with "lists". */
    static Format sniff(String fileName, String head) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return new CsvFormat();
        }
        String start = head.stripLeading();
        if (start.startsWith(TextFormat.MAGIC) || lower.endsWith(".tack")) {
            return new TextFormat();
        }
        if (start.startsWith("{")) {
            return head.contains("\"lists\"") && head.contains("\"idList\"") || head.contains("\"idBoard\"")
                    ? new TrelloFormat() : new JsonFormat();
        }
        if (lower.endsWith(".json")) {
            return new JsonFormat();
        }
        throw TackException.usage("cannot tell the format of " + fileName + "; give --format json, tack, csv or trello");
    }
}
