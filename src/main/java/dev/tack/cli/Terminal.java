package dev.tack.cli;

import java.io.Console;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Whether tack talks to a person's terminal (standard input and output both a terminal). Up to
 * JDK 21 that is {@code System.console() != null}; from JDK 22 (JDK-8308591) {@code System.console()}
 * returns a console even when output is piped, and only {@code Console.isTerminal()} (JDK 22+) says
 * whether it is one. tack is built for Java 17, so that method is looked up once, at run time.
 */
final class Terminal {

    private static final MethodHandle IS_TERMINAL = isTerminalMethod();

    private Terminal() {
    }

    static boolean interactive() {
        return interactive(System.console());
    }

    static boolean interactive(Console console) {
        if (console == null) {
            return false;
        }
        if (IS_TERMINAL == null) {
            return true; // JDK 17-21: a console exists only on a terminal
        }
        try {
            return (boolean) IS_TERMINAL.invokeExact(console);
        } catch (Throwable e) {
            return false;
        }
    }

    private static MethodHandle isTerminalMethod() {
        try {
            return MethodHandles.publicLookup().findVirtual(Console.class, "isTerminal", MethodType.methodType(boolean.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
