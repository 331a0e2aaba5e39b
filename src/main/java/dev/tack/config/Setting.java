package dev.tack.config;

/** A value and where it came from. */
public record Setting<T>(T value, Origin origin) {

    public static <T> Setting<T> byDefault(T value) {
        return new Setting<>(value, Origin.DEFAULT);
    }
}
