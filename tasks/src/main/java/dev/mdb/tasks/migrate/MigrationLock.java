package dev.mdb.tasks.migrate;

import dev.mdb.tasks.TaskFailedException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive migration lock for engines where Flyway takes none (SQLite): a JVM-wide lock per file plus an OS file
 * lock on {@code <database>.mdb-lock}, so two processes or two threads never migrate one database at once.
 */
public final class MigrationLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock fileLock;

    private MigrationLock(ReentrantLock local, FileChannel channel, FileLock fileLock) {
        this.local = local;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Blocks until the lock for {@code databaseFile} is held. */
    public static MigrationLock acquire(Path databaseFile) {
        Path lockFile = lockFileFor(databaseFile);
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        local.lock();
        try {
            FileChannel channel = FileChannel.open(
                    lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            return new MigrationLock(local, channel, channel.lock());
        } catch (IOException e) {
            local.unlock();
            throw new TaskFailedException("cannot lock " + lockFile + " for migrating: " + e.getMessage(), e);
        }
    }

    public static Path lockFileFor(Path databaseFile) {
        Path abs = databaseFile.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".mdb-lock");
    }

    @Override
    public void close() {
        try {
            fileLock.release();
            channel.close();
        } catch (IOException e) {
            // Closing the channel releases the OS lock in any case.
        } finally {
            local.unlock();
        }
    }
}
