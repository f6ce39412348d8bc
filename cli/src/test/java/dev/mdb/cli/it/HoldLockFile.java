package dev.mdb.cli.it;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * A process holding an SQLite database's migration lock file ({@code <database>.mdb-lock}) the way a running mdb does:
 * an OS lock, and {@code pid N@host since …} in the file. Prints {@code locked} once it holds it, then waits to be
 * killed. Run in a JVM of its own ({@link ChildMdb#startMain}): OS file locks do not keep threads of one JVM apart.
 */
public final class HoldLockFile {
    private HoldLockFile() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        try (FileChannel channel = FileChannel.open(
                Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            channel.lock();
            String holder = "pid " + ManagementFactory.getRuntimeMXBean().getPid() + "@"
                    + InetAddress.getLocalHost().getHostName() + " since " + Instant.now() + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
            System.out.println("locked");
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }
}
