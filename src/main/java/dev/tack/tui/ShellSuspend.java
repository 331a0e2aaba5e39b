package dev.tack.tui;

import java.io.IOException;
import java.util.Queue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Ctrl+Z and {@code fg}. Raw mode turns the terminal's signals off, so Ctrl+Z is a key: the
 * terminal is handed back before this process stops itself, and taken again, with a full repaint,
 * once the shell continues it. A stop from outside ({@code kill -TSTP}, then {@code kill -CONT})
 * is noticed by SIGCONT, and the terminal is taken again the same way.
 */
final class ShellSuspend {

    private final TerminalHandover handover;
    private final Queue<Object> queue;
    private final BooleanSupplier running;
    private final Consumer<String> error;
    /** True while this screen has stopped itself (Ctrl+Z), so that SIGCONT is left to that path. */
    private volatile boolean suspended;

    ShellSuspend(TerminalHandover handover, Queue<Object> queue, BooleanSupplier running, Consumer<String> error) {
        this.handover = handover;
        this.queue = queue;
        this.running = running;
        this.error = error;
    }

    /** Listens for SIGCONT from now on. */
    void listen() {
        Interrupts.onContinue(this::continued);
    }

    /**
     * Hands the terminal back and stops this process (Ctrl+Z, on the loop). Where the stop is
     * discarded (no job control), the board simply comes back.
     */
    void suspendToShell() {
        suspended = true;
        try {
            handover.giveAway();
            Interrupts.stopSelf();
        } catch (IOException e) {
            error.accept("cannot suspend: " + e.getMessage());
        } finally {
            suspended = false;
            handover.takeBack("");
        }
    }

    /** After a stop from outside: the shell left the terminal cooked, so the loop takes it again. */
    private void continued() {
        if (suspended || !running.getAsBoolean()) {
            return; // our own Ctrl+Z takes the terminal back by itself
        }
        queue.add((Runnable) () -> {
            try {
                handover.giveAway();
            } catch (IOException ignored) {
                // taken again below in any case
            }
            handover.takeBack("");
        });
    }
}
