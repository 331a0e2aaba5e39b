package dev.tack.tui;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

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

    void restore() {
        try {
            handle.invoke(null, signal, previous);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // the no-op handler stays; Ctrl+C is a key while the screen runs anyway
        }
    }
}
