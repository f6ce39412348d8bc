package dev.mdb.cli.output;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether this process talks to a person at a terminal, on the Java it runs on (17 and later). */
public final class Terminals {
    private Terminals() {}

    /**
     * Whether standard input and output are a terminal. Up to Java 21 {@link System#console()} is null otherwise; from
     * Java 22 it is always there and says so through {@code Console.isTerminal()}, which Java 17 does not have.
     */
    @SuppressWarnings("SystemConsoleNull") // the null check is right on 17-21; isTerminal() decides on 22+
    public static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
