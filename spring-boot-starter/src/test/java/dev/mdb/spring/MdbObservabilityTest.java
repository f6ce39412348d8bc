package dev.mdb.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.Route;
import dev.mdb.runtime.metrics.MdbMetrics;
import dev.mdb.spring.internal.MdbHealthIndicator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code mdb} health contributor and the metrics on the application's {@code MeterRegistry}. */
class MdbObservabilityTest {
    @TempDir
    Path project;

    private ApplicationContextRunner runner(String yml) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        MdbAutoConfiguration.class,
                        MdbHealthAutoConfiguration.class,
                        DataSourceAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class))
                .withPropertyValues("mdb.database-yml=" + SqliteProject.create(project, yml));
    }

    @Test
    void health_replicaInRotation_upWithOneEntryPerReplica() {
        runner(SqliteProject.YML).run(context -> {
            Health health =
                    context.getBean("mdbHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(replicas(health)).containsOnlyKeys("primary_replica", "animals_replica");
            assertThat(replica(health, "primary_replica"))
                    .containsEntry("group", "primary")
                    .containsEntry("role", "reading")
                    .containsEntry("inRotation", true);
        });
    }

    @Test
    void health_everyReplicaOfASetDown_degradedNamingTheSet() {
        String yml = """
                development:
                  primary:
                    adapter: sqlite3
                    database: storage/primary.sqlite3
                  primary_replica:
                    adapter: sqlite3
                    database: missing/dir/replica.sqlite3
                    replica: true
                """;
        runner(yml).run(context -> {
            context.getBean(Mdb.class).replicas().status(true); // probe now: the replica's file can't be opened
            Health health =
                    context.getBean("mdbHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(MdbHealthIndicator.DEGRADED);
            assertThat(replica(health, "primary_replica"))
                    .containsEntry("state", "down")
                    .containsEntry("inRotation", false)
                    .containsKey("error");
            assertThat(health.getDetails())
                    .containsEntry("setsWithoutReplica", java.util.List.of("primary/default reading"));
        });
    }

    @Test
    void health_disabledByProperty_noIndicator() {
        runner(SqliteProject.YML)
                .withPropertyValues("management.health.mdb.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("mdbHealthIndicator"));
    }

    @Test
    void metrics_meterRegistryBean_countsRoutesAndBindsReplicaGauges() {
        runner(SqliteProject.YML).withUserConfiguration(Registry.class).run(context -> {
            Mdb mdb = context.getBean(Mdb.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            mdb.router()
                    .connectedTo(Route.reading())
                    .use(() -> jdbc.queryForObject("SELECT count(*) FROM trips", Integer.class));
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("mdb.route.resolutions")
                            .tag("role", "reading")
                            .counter()
                            .count())
                    .isGreaterThanOrEqualTo(1.0);
            assertThat(registry.get("mdb.replica.in.rotation")
                            .tag("replica", "primary_replica")
                            .gauge()
                            .value())
                    .isEqualTo(1.0);
            assertThat(registry.find("hikaricp.connections")
                            .tag("pool", "mdb-development-primary_replica")
                            .gauge())
                    .isNotNull();
        });
    }

    @Test
    void metrics_noMeterRegistry_noMdbMetrics() {
        runner(SqliteProject.YML).run(context -> assertThat(context).doesNotHaveBean(MdbMetrics.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> replicas(Health health) {
        return (Map<String, Object>) health.getDetails().get("replicas");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> replica(Health health, String entry) {
        return (Map<String, Object>) replicas(health).get(entry);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
