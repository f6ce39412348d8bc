package dev.mdb.example.springtrips;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.testsupport.PostgresReplicaCluster;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring Boot trips example on a real PostgreSQL primary with two hot standbys, over HTTP, proven by the servers'
 * statement logs: GETs on a standby, a client reading its own write from the primary while the standbys lag, and
 * reads of writing requests on a standby through {@code @Transactional(readOnly = true)} and {@code @MdbRoute}.
 */
@Tag("postgresql")
class SpringTripsIT {
    @RegisterExtension
    static final PostgresReplicaCluster CLUSTER = PostgresReplicaCluster.create();

    private static final String SECRET = "spring-trips-it-secret-0123456789abcdef01";
    private static final Duration LOG_WAIT = Duration.ofSeconds(5);
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @TempDir
    static Path project;

    private static ConfigurableApplicationContext app;
    private static String base;

    @BeforeAll
    static void start() throws IOException, SQLException {
        String database = CLUSTER.createDatabase();
        try (Connection connection = CLUSTER.connect(CLUSTER.primaryPort(), database);
                Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(Path.of("db/migrate/V1__create_trips.sql"), StandardCharsets.UTF_8));
        }
        CLUSTER.waitForReplay(1);
        CLUSTER.waitForReplay(2);
        Path yml = project.resolve("config/database.yml");
        Files.createDirectories(yml.getParent());
        Files.writeString(
                yml,
                "test:\n  primary:\n" + CLUSTER.ymlEntry(CLUSTER.primaryPort(), database)
                        + "    health_check_interval: 0.2\n    max_replication_lag: 30\n"
                        + "  primary_replica_1:\n" + CLUSTER.ymlEntry(CLUSTER.standbyPort(1), database)
                        + "    replica: true\n"
                        + "  primary_replica_2:\n" + CLUSTER.ymlEntry(CLUSTER.standbyPort(2), database)
                        + "    replica: true\n",
                StandardCharsets.UTF_8);
        // Command-line arguments: they win over the example's application.properties (builder properties would not).
        app = new SpringApplicationBuilder(SpringTripsApplication.class)
                .run(
                        "--mdb.database-yml=file:" + yml,
                        "--mdb.env=test",
                        "--mdb.web.cookie-secret=" + SECRET,
                        "--server.port=0");
        base = "http://127.0.0.1:"
                + ((ServletWebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void get_newClient_readsOnAStandby() throws Exception {
        String marker = marker("get");
        HttpResponse<String> response = send(client(), "GET", "/trips/count?marker=" + marker);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(nodesThatRan(marker)).singleElement().isIn(CLUSTER.standbyPort(1), CLUSTER.standbyPort(2));
    }

    @Test
    void getAfterPost_standbysBehind_clientReadsOwnWriteFromPrimary() throws Exception {
        HttpClient writer = client();
        CLUSTER.setApplyDelay(1, Duration.ofSeconds(5));
        CLUSTER.setApplyDelay(2, Duration.ofSeconds(5));
        try {
            HttpResponse<String> created = send(writer, "POST", "/trips?name=Lisbon");
            assertThat(created.statusCode()).isEqualTo(200);
            Matcher id = ID.matcher(created.body());
            assertThat(id.find()).as("id in %s", created.body()).isTrue();

            String own = marker("own");
            assertThat(send(writer, "GET", "/trips/" + id.group(1) + "?marker=" + own)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(nodesThatRan(own)).containsExactly(CLUSTER.primaryPort());

            String other = marker("other");
            assertThat(send(client(), "GET", "/trips/" + id.group(1) + "?marker=" + other)
                            .statusCode())
                    .as("another client reads a standby that has not applied the write yet")
                    .isEqualTo(404);
            assertThat(nodesThatRan(other)).singleElement().isIn(CLUSTER.standbyPort(1), CLUSTER.standbyPort(2));
        } finally {
            CLUSTER.setApplyDelay(1, Duration.ZERO);
            CLUSTER.setApplyDelay(2, Duration.ZERO);
        }
    }

    @Test
    void postWithReadOnlyTransaction_readsOnAStandby() throws Exception {
        String marker = marker("rotx");
        assertThat(send(client(), "POST", "/reports/read-only-transaction?marker=" + marker)
                        .statusCode())
                .isEqualTo(200);
        assertThat(nodesThatRan(marker)).singleElement().isIn(CLUSTER.standbyPort(1), CLUSTER.standbyPort(2));
    }

    @Test
    void postWithMdbRoute_readsOnAStandby() throws Exception {
        String marker = marker("route");
        assertThat(send(client(), "POST", "/reports/reading-role?marker=" + marker)
                        .statusCode())
                .isEqualTo(200);
        assertThat(nodesThatRan(marker)).singleElement().isIn(CLUSTER.standbyPort(1), CLUSTER.standbyPort(2));
    }

    @Test
    void actuator_health_listsBothStandbysInRotation() throws Exception {
        HttpResponse<String> health = send(client(), "GET", "/actuator/health/mdb");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body())
                .contains("\"status\":\"UP\"")
                .contains("\"primary_replica_1\":{")
                .contains("\"primary_replica_2\":{")
                .contains("\"outOfRotation\":[]");
    }

    @Test
    void actuator_metrics_countReadingRoutes() throws Exception {
        assertThat(send(client(), "GET", "/trips/count").statusCode()).isEqualTo(200);
        HttpResponse<String> metric = send(client(), "GET", "/actuator/metrics/mdb.route.resolutions?tag=role:reading");
        assertThat(metric.statusCode()).isEqualTo(200);
        assertThat(metric.body()).contains("\"statistic\":\"COUNT\"").doesNotContain("\"value\":0.0");
    }

    private static String marker(String kind) {
        return "springtrips_" + kind + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private static HttpResponse<String> send(HttpClient client, String method, String path)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The ports of the nodes whose statement logs show {@code marker}, once one does (up to {@link #LOG_WAIT}). */
    private static Set<Integer> nodesThatRan(String marker) throws InterruptedException {
        List<Integer> ports = List.of(CLUSTER.primaryPort(), CLUSTER.standbyPort(1), CLUSTER.standbyPort(2));
        long deadline = System.nanoTime() + LOG_WAIT.toNanos();
        Set<Integer> found = new TreeSet<>();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            for (int port : ports) {
                if (!CLUSTER.statementLog(port, marker).isEmpty()) {
                    found.add(port);
                }
            }
        }
        Thread.sleep(200); // a second node logging the same marker would be a wrong route: give it time to show
        for (int port : ports) {
            if (!CLUSTER.statementLog(port, marker).isEmpty()) {
                found.add(port);
            }
        }
        return found;
    }
}
