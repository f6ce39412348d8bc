package dev.mdb.tasks.migrate;

import dev.mdb.config.Causes;
import dev.mdb.tasks.Reporter;
import dev.mdb.tasks.TaskFailedException;
import dev.mdb.tasks.spi.AdapterTasks;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * mdb's own migration lock for engines whose databases are files (SQLite): a JVM-wide lock per file plus an OS lock on
 * {@code <database>.mdb-lock}, which says who holds it ({@code pid@host since …}). The OS lock ends with its process,
 * so a crashed migrator's lock is taken over; a live holder (on this host or, over a network file system, another) is
 * waited for and named, never broken.
 */
final class FileLock implements MigrationLocks.Held {
    /** Tasks of this process on one file: a permit, not an owned lock, as a fleet run releases it on another thread. */
    private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

    private final Semaphore local;
    private final FileChannel channel;
    private final java.nio.channels.FileLock lock;

    private FileLock(Semaphore local, FileChannel channel, java.nio.channels.FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Called with a connection open, so the database (and the directory the lock file goes in) exists. */
    static FileLock acquire(AdapterTasks adapter, Reporter reporter, Duration maxWait) {
        Path lockFile = lockFileFor(adapter.target().file());
        Semaphore local = IN_PROCESS.computeIfAbsent(lockFile, p -> new Semaphore(1));
        MigrationLocks.Waiter waiter = new MigrationLocks.Waiter(adapter, reporter, maxWait);
        while (!local.tryAcquire()) {
            waiter.waitOnce(() -> "another task of this process");
        }
        try {
            FileChannel channel = FileChannel.open(
                    lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            try {
                java.nio.channels.FileLock lock;
                while ((lock = tryLock(channel)) == null) {
                    waiter.waitOnce(() -> holder(lockFile));
                }
                writeHolder(channel);
                waiter.acquired();
                return new FileLock(local, channel, lock);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            local.release();
            throw new TaskFailedException(
                    "can't lock " + lockFile + " for migrating: " + Causes.of(e)
                            + ". Check that the directory is writable.",
                    e);
        } catch (RuntimeException e) {
            local.release();
            throw e;
        }
    }

    private static java.nio.channels.FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void writeHolder(FileChannel channel) throws IOException {
        String holder = "pid " + ManagementFactory.getRuntimeMXBean().getPid() + "@" + hostName() + " since "
                + Instant.now() + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    private static String holder(Path lockFile) {
        try {
            String text = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? null : text;
        } catch (IOException e) {
            return null;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    static Path lockFileFor(Path databaseFile) {
        Path abs = databaseFile.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".mdb-lock");
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            // Closing the channel releases the OS lock in any case.
        } finally {
            local.release();
        }
    }
}
