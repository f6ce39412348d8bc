package dev.mdb.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work handed to another thread keeps the routes of the thread that handed it over, through {@link
 * ConnectionRouter#propagating} (submit, invokeAll, {@code CompletableFuture}) and {@link ConnectionRouter#decorate}
 * (Spring's {@code TaskDecorator}): the reading route and its write guard, and the unit of work that records writes.
 * A plain executor shows what happens without it: the default route, writes allowed and not recorded.
 */
class ContextPropagationTest {
    @TempDir
    Path project;

    private Mdb mdb;
    private ExecutorService pool;

    @BeforeEach
    void setUp() throws Exception {
        mdb = RuntimeFixtures.sqlitePrimaryWithReplica(project);
        execute("CREATE TABLE dogs (id INTEGER PRIMARY KEY, name TEXT)");
        pool = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void tearDown() throws Exception {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        mdb.close();
    }

    private void execute(String sql) throws Exception {
        try (Connection c = mdb.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String entry() throws Exception {
        return mdb.dataSource().describe().entry();
    }

    @Test
    void propagating_submit_readingRouteAndWriteGuardFollowTheTask() throws Exception {
        ExecutorService routed = mdb.router().propagating(pool);

        String entry = mdb.router()
                .connectedTo(Route.reading())
                .with(() -> routed.submit(this::entry).get());
        assertThat(entry).isEqualTo("primary_replica");

        ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                ExecutionException.class,
                () -> mdb.router()
                        .connectedTo(Route.reading())
                        .use(() -> routed.submit(() -> {
                                    execute("INSERT INTO dogs (name) VALUES ('Fido')");
                                    return null;
                                })
                                .get()));
        assertThat(refused.getCause()).isInstanceOf(ReadOnlyViolationException.class);

        // The pool thread is clean afterwards: a task submitted outside any route runs on the default one.
        assertThat(routed.submit(this::entry).get()).isEqualTo("primary");
        assertThat(pool.submit(this::entry).get()).isEqualTo("primary");
    }

    @Test
    void plainExecutor_escapesTheRoute() throws Exception {
        String entry = mdb.router()
                .connectedTo(Route.reading())
                .with(() -> pool.submit(this::entry).get());
        assertThat(entry).isEqualTo("primary");
    }

    @Test
    void propagating_invokeAllAndCompletableFuture_underTheSubmittersRoute() throws Exception {
        ExecutorService routed = mdb.router().propagating(pool);
        List<String> entries = mdb.router().connectedTo(Route.reading()).with(() -> {
            List<String> all = new java.util.ArrayList<>();
            List<java.util.concurrent.Callable<String>> tasks = List.of(this::entry, this::entry);
            for (java.util.concurrent.Future<String> future : routed.invokeAll(tasks)) {
                all.add(future.get());
            }
            all.add(CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    return entry();
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            },
                            routed)
                    .get());
            return all;
        });
        assertThat(entries).containsExactly("primary_replica", "primary_replica", "primary_replica");
    }

    @Test
    void decorate_writeInTaskRecordedInTheUnitOfWork() throws Exception {
        UnitOfWork unit = new UnitOfWork(ConsistencyState.empty(), ReadConsistency.causal(), false);
        mdb.router().within(unit).use(() -> {
            Runnable task = mdb.router().decorate(() -> {
                try {
                    execute("INSERT INTO dogs (name) VALUES ('Rex')");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            pool.submit(task).get();
        });
        assertThat(unit.writes()).containsExactly(RouteKey.of("primary", "default"));

        UnitOfWork escaped = new UnitOfWork(ConsistencyState.empty(), ReadConsistency.causal(), false);
        mdb.router()
                .within(escaped)
                .use(() -> pool.submit(() -> {
                            execute("INSERT INTO dogs (name) VALUES ('Fido')");
                            return null;
                        })
                        .get());
        assertThat(escaped.writes())
                .as("a write on a plain pool thread is not recorded")
                .isEmpty();
    }

    @Test
    void propagating_shutdownReachesTheWrappedExecutor() throws Exception {
        ExecutorService routed = mdb.router().propagating(pool);
        routed.shutdown();
        assertThat(routed.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.isShutdown()).isTrue();
        assertThatThrownBy(() -> routed.submit(() -> null))
                .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
    }
}
