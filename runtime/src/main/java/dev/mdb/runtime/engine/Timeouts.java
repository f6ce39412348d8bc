package dev.mdb.runtime.engine;

import java.time.Duration;

/**
 * The waits a connection bounds; null leaves the driver's or server's default. An engine maps them to driver
 * properties ({@link Engine#driverTimeouts}) and session statements ({@link Engine#sessionTimeouts}).
 *
 * @param connect establishing the connection
 * @param socket any one read from the server (a server that accepts TCP but never answers)
 * @param statement one statement's run time on the server
 * @param lockWait waiting for a lock held by another session
 */
public record Timeouts(Duration connect, Duration socket, Duration statement, Duration lockWait) {
    /** Only a connect timeout. */
    public static Timeouts connect(Duration connect) {
        return new Timeouts(connect, null, null, null);
    }

    /** Whole seconds, rounded up, at least 1. */
    public static long ceilSeconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    /** Milliseconds, at least 1. */
    public static long millis(Duration duration) {
        return Math.max(1, duration.toMillis());
    }
}
