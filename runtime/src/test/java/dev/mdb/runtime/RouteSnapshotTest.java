package dev.mdb.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Carrying routes to other threads explicitly, and never implicitly. */
class RouteSnapshotTest {
    private static final ResolvedRoute PRIMARY_DEFAULT =
            new ResolvedRoute("primary", Role.WRITING, Shard.DEFAULT, false);
    private static final ResolvedRoute PRIMARY_SHARD_ONE_READING =
            new ResolvedRoute("primary", Role.READING, Shard.of("shard_one"), true);

    private final ConnectionRouter router = RuntimeFixtures.appRouter();
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void shutDownPoolAndCheckStackIsEmpty() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(router.capture().isEmpty()).isTrue();
    }

    @Test
    void wrapCallable_onExecutorThread_seesCapturedRouteAndPoolThreadIsCleanAfterwards() throws Exception {
        RouteSnapshot snapshot =
                router.connectedTo(Route.reading().withShard("shard_one")).with(router::capture);

        Future<ResolvedRoute> wrapped = pool.submit(snapshot.wrap(() -> router.current("primary")));
        assertThat(wrapped.get(10, TimeUnit.SECONDS)).isEqualTo(PRIMARY_SHARD_ONE_READING);

        Future<Boolean> clean = pool.submit(() -> router.capture().isEmpty());
        assertThat(clean.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void wrapRunnable_onExecutorThread_seesCapturedRoute() throws Exception {
        AtomicReference<ResolvedRoute> seen = new AtomicReference<>();
        RouteSnapshot snapshot =
                router.connectedTo(Route.reading().withShard("shard_one")).with(router::capture);

        pool.submit(snapshot.wrap(() -> {
                    seen.set(router.current("primary"));
                }))
                .get(10, TimeUnit.SECONDS);

        assertThat(seen.get()).isEqualTo(PRIMARY_SHARD_ONE_READING);
    }

    @Test
    void use_threadWithItsOwnFrames_restoresThemAfterwards() {
        RouteSnapshot snapshot =
                router.connectedTo(Route.reading().withShard("shard_one")).with(router::capture);

        router.database("animals").connectedTo(Route.reading()).use(() -> {
            snapshot.use(() -> {
                assertThat(router.current("primary")).isEqualTo(PRIMARY_SHARD_ONE_READING);
                assertThat(router.currentRole("animals")).isEqualTo(Role.READING);
            });
            assertThat(router.current("primary")).isEqualTo(PRIMARY_DEFAULT);
            assertThat(router.currentRole("animals")).isEqualTo(Role.READING);
        });
    }

    @Test
    void emptySnapshot_insideFrames_runsOnDefaultRoutes() {
        router.connectedTo(Route.reading()).use(() -> {
            assertThat(RouteSnapshot.empty().with(() -> router.current("primary")))
                    .isEqualTo(PRIMARY_DEFAULT);
            assertThat(router.currentRole("primary")).isEqualTo(Role.READING);
        });
    }

    @Test
    void newThread_startedInsideFrame_doesNotInheritRoute() throws InterruptedException {
        AtomicReference<ResolvedRoute> seen = new AtomicReference<>();
        router.connectedTo(Route.reading()).use(() -> {
            Thread thread = new Thread(() -> seen.set(router.current("primary")));
            thread.start();
            thread.join();
        });

        assertThat(seen.get()).isEqualTo(PRIMARY_DEFAULT);
    }

    @Test
    void connectedTo_concurrentThreads_doNotSeeEachOthersRoutes() throws Exception {
        CountDownLatch otherEntered = new CountDownLatch(1);
        CountDownLatch mainChecked = new CountDownLatch(1);
        Future<ResolvedRoute> other =
                pool.submit(() -> router.connectedTo(Route.shard("shard_one")).with(() -> {
                    otherEntered.countDown();
                    assertThat(mainChecked.await(10, TimeUnit.SECONDS)).isTrue();
                    return router.current("primary");
                }));

        assertThat(otherEntered.await(10, TimeUnit.SECONDS)).isTrue();
        router.connectedTo(Route.reading()).use(() -> {
            assertThat(router.current("primary"))
                    .isEqualTo(new ResolvedRoute("primary", Role.READING, Shard.DEFAULT, true));
            mainChecked.countDown();
        });

        assertThat(other.get(10, TimeUnit.SECONDS))
                .isEqualTo(new ResolvedRoute("primary", Role.WRITING, Shard.of("shard_one"), false));
        assertThat(pool.submit(() -> router.capture().isEmpty()).get(10, TimeUnit.SECONDS))
                .isTrue();
    }
}
