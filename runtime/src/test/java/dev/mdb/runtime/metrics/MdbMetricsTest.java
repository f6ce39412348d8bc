package dev.mdb.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.MdbListener;
import dev.mdb.runtime.ReadOnlyViolationException;
import dev.mdb.runtime.ResolvedTarget;
import dev.mdb.runtime.Route;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mdb's Micrometer meters and JFR events on an SQLite primary with one replica on the same file, and a second replica
 * whose file does not exist (it is down).
 */
class MdbMetricsTest {
    @TempDir
    Path project;

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final List<String> seen = new ArrayList<>();
    private final List<String> customized = new ArrayList<>();
    private Mdb mdb;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(project.resolve("config"));
        Files.createDirectories(project.resolve("storage"));
        Files.writeString(project.resolve("config/database.yml"), """
                development:
                  primary:
                    adapter: sqlite3
                    database: storage/primary.sqlite3
                  primary_replica:
                    adapter: sqlite3
                    database: storage/primary.sqlite3
                    replica: true
                  animals:
                    adapter: sqlite3
                    database: storage/animals.sqlite3
                  animals_replica:
                    adapter: sqlite3
                    database: storage/missing/animals.sqlite3
                    replica: true
                """, StandardCharsets.UTF_8);
        MdbMetrics metrics = new MdbMetrics(registry);
        mdb = Mdb.builder(project.resolve("config/database.yml"), "development")
                .listener(new MdbListener() {
                    @Override
                    public void routeResolved(ResolvedTarget target) {
                        throw new IllegalStateException("a broken listener must not break routing");
                    }
                })
                .listener(metrics)
                .listener(new MdbListener() {
                    @Override
                    public void writeRefused(ResolvedTarget target, String statement) {
                        seen.add(target.entry() + ": " + statement);
                    }
                })
                .poolCustomizer(metrics)
                .poolCustomizer((entry, pool) -> customized.add(entry.name() + " " + pool.getPoolName() + " "
                        + pool.getMaximumPoolSize() + " " + (pool.getMetricsTrackerFactory() != null)))
                .build();
        metrics.bindReplicas(mdb);
        execute("CREATE TABLE dogs (id INTEGER PRIMARY KEY, name TEXT)");
    }

    @AfterEach
    void tearDown() {
        mdb.close();
    }

    private void execute(String sql) throws Exception {
        try (Connection c = mdb.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private int count() throws Exception {
        try (Connection c = mdb.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM dogs")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private double counter(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void routeResolutions_countedByRoleAndReason() throws Exception {
        for (int i = 0; i < 3; i++) {
            mdb.router().connectedTo(Route.reading()).with(this::count);
        }

        assertThat(counter("mdb.route.resolutions", "group", "primary", "role", "reading", "reason", "replica"))
                .isEqualTo(3);
        assertThat(counter("mdb.route.resolutions", "group", "primary", "role", "writing", "reason", "route"))
                .isEqualTo(1); // the CREATE TABLE
        assertThat(counter("mdb.replica.fallbacks", "group", "primary")).isZero();
    }

    @Test
    void writeOnReading_refusalCountedAndReported() {
        assertThatThrownBy(() -> mdb.router()
                        .connectedTo(Route.reading())
                        .use(() -> execute("INSERT INTO dogs (name) VALUES ('Rex')")))
                .isInstanceOf(ReadOnlyViolationException.class);

        assertThat(counter("mdb.write.refusals", "group", "primary", "shard", "default", "role", "reading"))
                .isEqualTo(1);
        assertThat(seen).containsExactly("primary_replica: INSERT INTO dogs (name) VALUES ('Rex')");
    }

    @Test
    void downReplica_transitionAndGauges_thenFallbackToPrimaryCounted() throws Exception {
        mdb.replicas().status(true); // probes every replica now

        assertThat(counter("mdb.replica.transitions", "replica", "animals_replica", "from", "unknown", "to", "down"))
                .isEqualTo(1);
        assertThat(registry.get("mdb.replica.in.rotation")
                        .tag("replica", "animals_replica")
                        .gauge()
                        .value())
                .isZero();
        assertThat(registry.get("mdb.replica.in.rotation")
                        .tag("replica", "primary_replica")
                        .gauge()
                        .value())
                .isEqualTo(1);

        mdb.router().database("animals").connectedTo(Route.reading()).use(() -> {
            try (Connection c = mdb.dataSource("animals").getConnection();
                    Statement s = c.createStatement()) {
                s.execute("SELECT 1");
            }
        });
        assertThat(counter("mdb.replica.fallbacks", "group", "animals", "reason", "no_healthy_replica"))
                .isEqualTo(1);
    }

    @Test
    void pools_reportHikariMetrics_andTheCustomizerApplies() throws Exception {
        count();

        assertThat(registry.find("hikaricp.connections")
                        .tag("pool", "mdb-development-primary")
                        .gauge())
                .isNotNull();
        // Each customizer sees mdb's settings and the ones added before it (the metrics tracker), once per pool.
        assertThat(customized).containsExactly("primary mdb-development-primary 5 true");
    }

    @Test
    void scopeLeftOpenInABlock_countedAsLeak() throws Exception {
        mdb.router().connectedTo(Route.writing()).use(() -> mdb.router().connectingTo(Route.reading()));

        assertThat(counter("mdb.scope.leaks")).isEqualTo(1);
    }

    @Test
    void jfr_routeResolvedAndWriteRefusedEvents() throws Exception {
        Path file = project.resolve("mdb.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("dev.mdb.RouteResolved");
            recording.enable("dev.mdb.WriteRefused");
            recording.start();
            mdb.router().connectedTo(Route.reading()).with(this::count);
            try {
                mdb.router().connectedTo(Route.reading()).use(() -> execute("DELETE FROM dogs"));
            } catch (ReadOnlyViolationException expected) {
                // recorded below
            }
            recording.stop();
            recording.dump(file);
        }
        List<String> events = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String name = event.getEventType().getName();
            if (!name.equals("dev.mdb.RouteResolved") && !name.equals("dev.mdb.WriteRefused")) {
                continue; // JFR's bookkeeping, and mdb's replica events (on by default) from the health checks
            }
            events.add(
                    name.equals("dev.mdb.RouteResolved")
                            ? name + " " + event.getString("role") + " " + event.getString("entry") + " "
                                    + event.getString("reason")
                            : name + " " + event.getString("entry") + " " + event.getString("statement"));
        }
        assertThat(events)
                .contains("dev.mdb.RouteResolved reading primary_replica replica")
                .contains("dev.mdb.WriteRefused primary_replica DELETE FROM dogs");
    }
}
