package dev.tack.model;

import java.util.Objects;

/** Who makes a change and from where: recorded on every event. */
public record Actor(String name, String host, long pid) {

    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
    }
}
