package dev.tack.model;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.UnknownHostException;

/** This machine's name, looked up once: it goes into events, claims and lock-holder notes. */
public final class Hosts {

    private static volatile String name;

    private Hosts() {
    }

    public static String name() {
        String cached = name;
        if (cached == null) {
            cached = readKernelHostname();
            if (cached == null || cached.isBlank()) {
                try {
                    cached = InetAddress.getLocalHost().getHostName();
                } catch (UnknownHostException e) {
                    cached = "localhost";
                }
            }
            name = cached;
        }
        return cached;
    }

    /** Linux keeps the name here; reading it avoids a DNS look-up at start. */
    private static String readKernelHostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
