package dev.tack.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments as they were typed, under any locale. The JVM decodes argv with the locale's
 * charset, and under a C or POSIX locale (cron, containers, {@code env -i}) every byte of a UTF-8
 * character becomes U+FFFD before tack starts: {@code tack add "Café"} would store "Caf\uFFFD\uFFFD".
 * Linux keeps the bytes in {@code /proc/self/cmdline}; the last arguments there are ours, and are
 * taken (as UTF-8) only when they match what the JVM made of them byte for byte.
 */
final class TypedArguments {

    private static final Path CMDLINE = Path.of("/proc/self/cmdline");

    private TypedArguments() {
    }

    static String[] recover(String[] args) {
        if (!lostCharacters(args)) {
            return args;
        }
        byte[] raw;
        try {
            raw = Files.readAllBytes(CMDLINE);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return args; // not Linux: the JVM's decoding is all there is
        }
        List<String> all = split(raw);
        if (all.size() < args.length) {
            return args;
        }
        String[] typed = all.subList(all.size() - args.length, all.size()).toArray(String[]::new);
        for (int i = 0; i < args.length; i++) {
            if (!asTheJvmDecodedIt(typed[i]).equals(args[i])) {
                return args;
            }
        }
        return typed;
    }

    private static boolean lostCharacters(String[] args) {
        for (String arg : args) {
            if (arg.indexOf('\uFFFD') >= 0) {
                return true;
            }
        }
        return false;
    }

    private static List<String> split(byte[] raw) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                parts.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < raw.length) {
            parts.add(new String(raw, start, raw.length - start, StandardCharsets.UTF_8));
        }
        return parts;
    }

    /** What an ASCII decoder makes of {@code text}'s UTF-8 bytes: each byte above 0x7F becomes U+FFFD. */
    private static String asTheJvmDecodedIt(String text) {
        StringBuilder decoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            decoded.append(b >= 0 ? (char) b : '\uFFFD');
        }
        return decoded.toString();
    }
}
