package dev.tack.tui;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While {@code $EDITOR} has the terminal, Ctrl+C sends SIGINT to the whole foreground process
 * group, tack included; left alone it would end tack (and the editor's work) behind the editor's
 * back. This swaps in a handler that does nothing, and puts the old one back afterwards. A caught
 * signal (unlike an ignored one) goes back to its default in the editor process, so the editor
 * still sees its own Ctrl+C. Reached by reflection, as Lanterna reaches SIGWINCH: {@code sun.misc}
 * is not a supported API, and where it is missing nothing is swapped.
 */
final class Interrupts {

    private final Object signal;
    private final Object previous;
    private final Method handle;

    private Interrupts(Object signal, Object previous, Method handle) {
        this.signal = signal;
        this.previous = previous;
        this.handle = handle;
    }

    /** Starts ignoring SIGINT in this JVM; {@link #restore} ends it. Null when it cannot be done. */
    static Interrupts hold() {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object signal = signalClass.getConstructor(String.class).newInstance("INT");
            Object nothing = Proxy.newProxyInstance(Interrupts.class.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, method, args) -> method.getDeclaringClass() == Object.class ? objectMethod(proxy, method, args) : null);
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            Object previous = handle.invoke(null, signal, nothing);
            return new Interrupts(signal, previous, handle);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "tack: ignore SIGINT";
        };
    }

    private static volatile Runnable onContinue = () -> { };
    private static volatile CountDownLatch awaitingContinue;
    private static boolean continueHandled;

    /**
     * Calls {@code listener} (on the JVM's signal thread) whenever this process is continued
     * (SIGCONT), replacing the previous listener; false when signals cannot be handled here.
     */
    static synchronized boolean onContinue(Runnable listener) {
        onContinue = listener;
        if (!continueHandled) {
            continueHandled = handle("CONT", () -> {
                onContinue.run();
                CountDownLatch latch = awaitingContinue;
                if (latch != null) {
                    latch.countDown();
                }
            });
        }
        return continueHandled;
    }

    /**
     * Stops this process as Ctrl+Z would (SIGTSTP; Java cannot raise a signal, so {@code kill}
     * sends it) and returns once it is continued. The kernel discards the stop of a process with
     * no job control to continue it (an orphaned process group): then no SIGCONT comes, and this
     * returns after {@link #DISCARDED_STOP_MILLIS}, counted from after the stop was sent.
     */
    static void stopSelf() throws IOException {
        CountDownLatch latch = new CountDownLatch(1);
        awaitingContinue = latch;
        try {
            Process kill = new ProcessBuilder("kill", "-TSTP", Long.toString(ProcessHandle.current().pid()))
                    .redirectErrorStream(true).start();
            kill.getInputStream().readAllBytes();
            if (kill.waitFor() != 0) {
                throw new IOException("kill -TSTP exited with " + kill.exitValue());
            }
            if (continueHandled) {
                latch.await(DISCARDED_STOP_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            awaitingContinue = null;
        }
    }

    /** How long a stop that did not happen is waited for (a stopped process is not counting). */
    static final long DISCARDED_STOP_MILLIS = 1_000;

    private static boolean handle(String name, Runnable action) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object signal = signalClass.getConstructor(String.class).newInstance(name);
            Object handler = Proxy.newProxyInstance(Interrupts.class.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, method, args) -> {
                        if (method.getDeclaringClass() == Object.class) {
                            return objectMethod(proxy, method, args);
                        }
                        action.run();
                        return null;
                    });
            signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    void restore() {
        try {
            handle.invoke(null, signal, previous);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // the no-op handler stays; Ctrl+C is a key while the screen runs anyway
        }
    }
}
