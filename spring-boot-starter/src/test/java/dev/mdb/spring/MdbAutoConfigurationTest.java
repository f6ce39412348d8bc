package dev.mdb.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.MdbListener;
import dev.mdb.runtime.PoolCustomizer;
import dev.mdb.runtime.ResolvedTarget;
import dev.mdb.runtime.Route;
import dev.mdb.runtime.RoutingDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class MdbAutoConfigurationTest {
    @TempDir
    Path project;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        MdbAutoConfiguration.class,
                        DataSourceAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class))
                .withPropertyValues("mdb.database-yml=" + SqliteProject.create(project));
    }

    @Test
    void context_fileDatabaseYml_mdbAndItsRoutingDataSourceArePrimary() {
        runner().run(context -> {
            Mdb mdb = context.getBean(Mdb.class);
            assertThat(context.getBean(DataSource.class)).isSameAs(mdb.dataSource());
            assertThat(context.getBean(JdbcTemplate.class).getDataSource()).isSameAs(mdb.dataSource());
            String reading = mdb.router()
                    .connectedTo(Route.reading())
                    .with(() -> mdb.dataSource().describe().entry());
            assertThat(reading).isEqualTo("primary_replica");
            assertThat(mdb.dataSource().describe().entry()).isEqualTo("primary");
        });
    }

    @Test
    void context_closed_closesMdbPools() {
        Mdb[] seen = new Mdb[1];
        runner().run(context -> {
            seen[0] = context.getBean(Mdb.class);
            context.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM trips", Integer.class);
        });
        RoutingDataSource closed = seen[0].dataSource();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> closed.getConnection().createStatement().executeQuery("SELECT 1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mdb is closed");
    }

    @Test
    void env_property_selectsEnvironment() {
        runner().withPropertyValues("mdb.env=staging").run(context -> {
            Mdb mdb = context.getBean(Mdb.class);
            assertThat(mdb.dataSource().describe().location()).endsWith("staging.sqlite3");
            assertThat(mdb.topology().env()).isEqualTo("staging");
            assertThat(mdb.topology().groupNames()).containsExactly("primary");
        });
    }

    @Test
    void roleNames_properties_nameTheStandardRoles() {
        runner().withPropertyValues("mdb.writing-role=primary", "mdb.reading-role=replica")
                .run(context -> {
                    Mdb mdb = context.getBean(Mdb.class);
                    assertThat(mdb.topology().roleNames())
                            .isEqualTo(new dev.mdb.runtime.RoleNames("primary", "replica"));
                    String entry = mdb.router()
                            .connectedTo(dev.mdb.runtime.Route.role("replica"))
                            .with(() -> {
                                try (var c = mdb.dataSource().getConnection();
                                        var s = c.createStatement()) {
                                    s.execute("SELECT 1");
                                }
                                return mdb.dataSource().describe().entry();
                            });
                    assertThat(entry).isEqualTo("primary_replica");
                });
    }

    @Test
    void env_unsetWithRailsEnv_usesRailsEnv() {
        runner().withPropertyValues("RAILS_ENV=staging")
                .run(context -> assertThat(context.getBean(Mdb.class)
                                .dataSource()
                                .describe()
                                .location())
                        .endsWith("staging.sqlite3"));
    }

    @Test
    void env_propertyAndRailsEnv_propertyWins() {
        runner().withPropertyValues("mdb.env=development", "RAILS_ENV=staging")
                .run(context ->
                        assertThat(context.getBean(Mdb.class).topology().env()).isEqualTo("development"));
    }

    @Test
    void env_unset_usesDevelopment() {
        runner().run(context -> assertThat(
                        context.getBean(Mdb.class).dataSource().describe().location())
                .endsWith("primary.sqlite3"));
    }

    @Test
    void databaseYml_classpathResource_isParsedAsText() throws Exception {
        Path storage = Path.of("target/classpath-yml").toAbsolutePath();
        Files.createDirectories(storage);
        SqliteProject.createTrips(storage.resolve("primary.sqlite3"));
        runner().withPropertyValues("mdb.database-yml=classpath:config/database.yml")
                .run(context -> {
                    Mdb mdb = context.getBean(Mdb.class);
                    assertThat(mdb.dataSource().describe().location())
                            .isEqualTo(storage.resolve("primary.sqlite3").toString());
                    String reading = mdb.router()
                            .connectedTo(Route.reading())
                            .with(() -> mdb.dataSource().describe().entry());
                    assertThat(reading).isEqualTo("primary_replica");
                });
    }

    @Test
    void databaseYml_missing_failsNamingTheLocation() {
        runner().withPropertyValues("mdb.database-yml=file:" + project.resolve("nowhere.yml"))
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("no database.yml at 'file:" + project.resolve("nowhere.yml") + "'"));
    }

    @Test
    void dataSource_applicationDefinesOne_mdbBacksOff() {
        runner().withUserConfiguration(OwnDataSource.class).run(context -> {
            assertThat(context.getBean(DataSource.class)).isInstanceOf(SimpleDriverDataSource.class);
            assertThat(context).hasSingleBean(Mdb.class);
        });
    }

    @Test
    void builder_listenerAndCustomizerBeans_areAdded() {
        runner().withUserConfiguration(Recorders.class).run(context -> {
            context.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM trips", Integer.class);
            Recorders recorders = context.getBean(Recorders.class);
            assertThat(recorders.resolved).contains("primary");
            assertThat(recorders.pools).contains("primary");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDataSource {
        @Bean
        DataSource ownDataSource() {
            return new SimpleDriverDataSource(new org.sqlite.JDBC(), "jdbc:sqlite::memory:");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Recorders {
        final List<String> resolved = new CopyOnWriteArrayList<>();
        final List<String> pools = new CopyOnWriteArrayList<>();

        @Bean
        MdbListener recordingListener() {
            return new MdbListener() {
                @Override
                public void routeResolved(ResolvedTarget target) {
                    resolved.add(target.entry());
                }
            };
        }

        @Bean
        PoolCustomizer recordingCustomizer() {
            return (entry, pool) -> pools.add(entry.name());
        }
    }
}
