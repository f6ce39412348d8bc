package dev.mdb.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A database server that accepts the TCP connection and then never says a word (a hung server, a black-holing
 * proxy): mdb must give up within its connect timeout with one line naming the server, not hang. No real server is
 * needed: a local socket plays the hung one.
 */
class UnresponsiveServerIT {
    /** The entry's {@code connect_timeout}: mdb gives up connecting (and, on PostgreSQL, logging in) after it. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path projectDir;

    private ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startSilentServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(
                () -> {
                    try {
                        while (true) {
                            accepted.add(server.accept());
                        }
                    } catch (IOException closed) {
                        // the test is over
                    }
                },
                "silent server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Closing the sockets also ends a run that is still stuck reading from one. */
    @AfterEach
    void stopSilentServer() throws IOException {
        server.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql2"})
    void version_serverAcceptsButNeverAnswers_failsWithinTheConnectTimeout(String adapter) throws Exception {
        SampleProject project = SampleProject.empty(projectDir);
        int port = server.getLocalPort();
        project.writeDatabaseYml("development:\n  primary:\n"
                + "    adapter: " + adapter + "\n"
                + "    host: 127.0.0.1\n"
                + "    port: " + port + "\n"
                + "    username: mdb\n"
                + "    password: secret\n"
                + "    connect_timeout: " + CONNECT_TIMEOUT.toSeconds() + "\n"
                + "    database: mdb_it_silent\n");
        long started = System.nanoTime();

        MdbResult version = project.mdb().start("db:version").result(CONNECT_TIMEOUT.plusSeconds(10));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(accepted).as("mdb connected to the silent server").isNotEmpty();
        assertThat(version.exitCode()).as("%s", version).isEqualTo(4);
        assertThat(version.errLines()).as("%s", version).hasSize(1);
        assertThat(version.errLines().get(0)).startsWith("mdb: ").contains("127.0.0.1:" + port);
        assertThat(took).isGreaterThanOrEqualTo(CONNECT_TIMEOUT).isLessThan(CONNECT_TIMEOUT.plusSeconds(3));
    }
}
