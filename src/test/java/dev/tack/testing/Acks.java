package dev.tack.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The acknowledgements a {@link WriterDriver} printed: only complete, well-formed lines count. */
public final class Acks {

    /** One acknowledged write: for add/mv/edit {@code value} is the card's new version, for comment the comment id. */
    public record Ack(String op, long cardId, long value) {
        public boolean bumpsVersion() {
            return !op.equals("add");
        }

        public boolean carriesVersion() {
            return !op.equals("comment");
        }
    }

    private static final Pattern ACK = Pattern.compile("ACK (add|mv|edit|comment) (\\d+) (\\d+) \\.");

    private Acks() {
    }

    public static List<Ack> parse(List<String> lines) {
        List<Ack> acks = new ArrayList<>();
        for (String line : lines) {
            Matcher m = ACK.matcher(line);
            if (m.matches()) {
                acks.add(new Ack(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
            }
        }
        return acks;
    }

    public static List<String> errors(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("ERR ")).toList();
    }

    /** Lines that are neither acknowledgements nor the driver's other known lines. */
    public static List<String> unexpected(List<String> lines) {
        return lines.stream().filter(line -> !ACK.matcher(line).matches() && !line.startsWith("ERR ")
                && !line.matches("(READY|DONE) \\d+ \\.")).toList();
    }
}
