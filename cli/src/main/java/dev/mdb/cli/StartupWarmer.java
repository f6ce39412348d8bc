package dev.mdb.cli;

import java.sql.DriverManager;
import java.util.Calendar;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Initialises on a spare core, while a database command parses its arguments, reads database.yml and sets up its
 * pools, what the command would otherwise initialise on its critical path a few milliseconds later (cold-start costs
 * with the class-data-sharing archive): {@link DriverManager}, which loads and registers every JDBC driver on the class
 * path on first use (about 25 ms); the {@link java.security.SecureRandom} behind {@link UUID#randomUUID()}, with which
 * HikariCP names each new connection (about 20 ms for the first); and the locale data behind {@link Calendar}, which
 * the PostgreSQL driver reads when it connects (about 15 ms). Class initialisation is thread-safe: the command finds
 * them ready, or waits for the rest. Started once per process by the commands that connect (db:* tasks, console), as
 * early as the arguments tell.
 */
public final class StartupWarmer implements Runnable {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private StartupWarmer() {}

    /** Starts the warming on a daemon thread, the first time only; nothing waits for it. */
    public static void start() {
        if (STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(new StartupWarmer(), "mdb-startup-warmer");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void run() {
        try {
            DriverManager.getDrivers();
            UUID.randomUUID();
            Calendar.getInstance();
        } catch (RuntimeException | LinkageError e) {
            // Best effort: the command meets the same problem on its own path and reports it there.
        }
    }
}
