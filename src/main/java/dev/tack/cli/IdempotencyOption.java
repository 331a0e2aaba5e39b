package dev.tack.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import dev.tack.board.Idempotency;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * {@code --idempotency-key K} of the writing commands ({@code add}, {@code mv}, {@code edit},
 * {@code comment}): the same key again gives the first write's result; with other arguments it
 * is refused. What the write "is" (its fingerprint) is the command and every argument as typed,
 * except the global options and the key itself ({@code --json} changes only how the answer is
 * printed), and the board asked for.
 */
final class IdempotencyOption {

    static final String NAME = "--idempotency-key";

    @Option(names = NAME, paramLabel = "KEY",
            description = "Write only once per KEY: a retry with the same KEY prints the first result (kept 24 h).")
    String key;

    /** The key with this command's fingerprint, or null when none was given. */
    Idempotency.Key of(CommandSpec spec, String board) {
        if (key == null) {
            return null;
        }
        return new Idempotency.Key(key, fingerprint(spec, board));
    }

    static String fingerprint(CommandSpec spec, String board) {
        ParseResult parsed = spec.commandLine().getParseResult();
        List<String> parts = new ArrayList<>();
        parts.add(spec.qualifiedName(" "));
        parts.add("board=" + (board == null ? "" : board));
        for (OptionSpec option : parsed.matchedOptions()) {
            if (option.inherited() || option.longestName().equals(NAME) || spec.root().options().contains(option)) {
                continue;
            }
            parts.add(option.longestName() + "=" + String.join("\u0001", option.originalStringValues()));
        }
        parts.sort(null); // the order options were typed in does not change the write
        for (PositionalParamSpec positional : parsed.matchedPositionals()) {
            parts.add("#" + positional.index() + "=" + String.join("\u0001", positional.originalStringValues()));
        }
        return spec.qualifiedName(" ") + " " + sha256(String.join("\u0000", parts));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
