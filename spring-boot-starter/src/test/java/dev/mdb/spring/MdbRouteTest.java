package dev.mdb.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.ReadOnlyViolationException;
import dev.mdb.runtime.Route;
import dev.mdb.spring.internal.MdbSqlExceptionTranslator;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.dao.PersistenceExceptionTranslationAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** {@code @Transactional(readOnly = true)}, {@code @MdbRoute}, refused writes and {@code @Async} in a Spring context. */
class MdbRouteTest {
    @TempDir
    Path project;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        MdbAutoConfiguration.class,
                        DataSourceAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class,
                        TransactionAutoConfiguration.class,
                        TaskExecutionAutoConfiguration.class,
                        PersistenceExceptionTranslationAutoConfiguration.class))
                .withUserConfiguration(Services.class)
                .withPropertyValues("mdb.database-yml=" + SqliteProject.create(project));
    }

    @Test
    void transactionalReadOnly_firstStatement_runsOnReplica() {
        runner().run(context -> {
            Trips trips = context.getBean(Trips.class);
            assertThat(trips.readOnlyTransactionEntry()).isEqualTo("primary_replica");
            assertThat(trips.readWriteTransactionEntry()).isEqualTo("primary");
        });
    }

    @Test
    void transactionalReadOnly_jdbcTemplateUpdate_isRefused() {
        runner().run(context -> assertThatThrownBy(
                        () -> context.getBean(Trips.class).insertInReadOnlyTransaction())
                .isInstanceOf(MdbWriteRefusedException.class));
    }

    @Test
    void mdbRoute_onMethod_runsOnReadingRole() {
        runner().run(context -> {
            Trips trips = context.getBean(Trips.class);
            assertThat(trips.readingEntry()).isEqualTo("primary_replica");
            assertThat(trips.unannotatedEntry()).isEqualTo("primary");
        });
    }

    @Test
    void mdbRoute_methodAndClass_methodWins() {
        runner().run(context -> {
            WritingByDefault service = context.getBean(WritingByDefault.class);
            assertThat(service.classRouteEntry()).isEqualTo("primary");
            assertThat(service.classRoutePreventsWrites()).isTrue();
            assertThat(service.methodRouteEntry()).isEqualTo("primary_replica");
        });
    }

    @Test
    void mdbRoute_database_switchesThatGroupOnly() {
        runner().run(context ->
                assertThat(context.getBean(Trips.class).animalsReading()).isEqualTo("animals_replica primary"));
    }

    @Test
    void mdbRoute_withTransactional_transactionRunsOnTheRoute() {
        runner().run(context -> assertThat(context.getBean(Trips.class).readingTransactionEntry())
                .isEqualTo("primary_replica"));
    }

    @Test
    void jdbcTemplateUpdate_readingRoute_throwsMdbWriteRefused() {
        runner().run(context -> assertThatThrownBy(
                        () -> context.getBean(Trips.class).insertOnReading())
                .isInstanceOf(MdbWriteRefusedException.class)
                .hasMessageContaining("Write query attempted while in readonly mode: INSERT INTO trips")
                .cause()
                .isInstanceOf(ReadOnlyViolationException.class));
    }

    @Test
    void jdbcTemplate_otherErrors_keepSpringsTranslation() {
        runner().run(context -> {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.getExceptionTranslator()).isInstanceOf(MdbSqlExceptionTranslator.class);
            assertThatThrownBy(() -> jdbc.queryForObject("SELECT nothing FROM no_such_table", Integer.class))
                    .isInstanceOf(UncategorizedSQLException.class) // Spring's own answer for SQLite's error
                    .isNotInstanceOf(MdbWriteRefusedException.class);
        });
    }

    @Test
    void repository_refusedWriteInRuntimeException_isTranslated() {
        runner().run(context -> assertThatThrownBy(
                        () -> context.getBean(RawRepository.class).write())
                .isInstanceOf(MdbWriteRefusedException.class)
                .cause()
                .hasMessageContaining("DELETE FROM trips"));
    }

    @Test
    void async_callerOnReadingRoute_taskRunsOnReadingRoute() {
        runner().run(context -> {
            Trips trips = context.getBean(Trips.class);
            Mdb mdb = context.getBean(Mdb.class);
            String onReading = mdb.router()
                    .connectedTo(Route.reading())
                    .with(() -> trips.asyncEntry().get());
            assertThat(onReading).startsWith("primary_replica on task-");
            assertThat(trips.asyncEntry().get()).startsWith("primary on task-");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAsync
    static class Services {
        @Bean
        Trips trips(Mdb mdb, JdbcTemplate jdbc, DataSource dataSource) {
            return new Trips(mdb, jdbc, dataSource);
        }

        @Bean
        WritingByDefault writingByDefault(Mdb mdb) {
            return new WritingByDefault(mdb);
        }

        @Bean
        RawRepository rawRepository() {
            return new RawRepository();
        }
    }

    static class Trips {
        private final Mdb mdb;
        private final JdbcTemplate jdbc;
        private final DataSource dataSource;

        Trips(Mdb mdb, JdbcTemplate jdbc, DataSource dataSource) {
            this.mdb = mdb;
            this.jdbc = jdbc;
            this.dataSource = dataSource;
        }

        /** The entry the transaction's connection is on after its first statement. */
        private String transactionEntry() {
            jdbc.queryForObject("SELECT count(*) FROM trips", Integer.class);
            Connection connection = DataSourceUtils.getConnection(dataSource);
            return SqliteProject.entryOf(connection);
        }

        @Transactional(readOnly = true)
        public String readOnlyTransactionEntry() {
            return transactionEntry();
        }

        @Transactional
        public String readWriteTransactionEntry() {
            return transactionEntry();
        }

        @Transactional(readOnly = true)
        public void insertInReadOnlyTransaction() {
            jdbc.queryForObject("SELECT count(*) FROM trips", Integer.class);
            jdbc.update("INSERT INTO trips (name) VALUES ('Lisbon')");
        }

        @MdbRoute
        public String readingEntry() throws Exception {
            return mdb.dataSource().describe().entry();
        }

        public String unannotatedEntry() throws Exception {
            return mdb.dataSource().describe().entry();
        }

        @MdbRoute(database = "animals")
        public String animalsReading() throws Exception {
            return mdb.dataSource("animals").describe().entry() + " "
                    + mdb.dataSource().describe().entry();
        }

        @MdbRoute
        @Transactional
        public String readingTransactionEntry() {
            return transactionEntry();
        }

        @MdbRoute
        public void insertOnReading() {
            jdbc.update("INSERT INTO trips (name) VALUES ('Porto')");
        }

        @Async
        public CompletableFuture<String> asyncEntry() throws Exception {
            return CompletableFuture.completedFuture(mdb.dataSource().describe().entry() + " on "
                    + Thread.currentThread().getName());
        }
    }

    @MdbRoute(role = "writing", preventWrites = true)
    static class WritingByDefault {
        private final Mdb mdb;

        WritingByDefault(Mdb mdb) {
            this.mdb = mdb;
        }

        public String classRouteEntry() throws Exception {
            return mdb.dataSource().describe().entry();
        }

        public boolean classRoutePreventsWrites() throws Exception {
            return mdb.dataSource().describe().writesPrevented();
        }

        @MdbRoute(role = "reading")
        public String methodRouteEntry() throws Exception {
            return mdb.dataSource().describe().entry();
        }
    }

    @Repository
    static class RawRepository {
        /** Plain JDBC code that wraps the SQLException in an unchecked one. */
        public void write() {
            throw new IllegalStateException(new ReadOnlyViolationException("DELETE FROM trips"));
        }
    }
}
