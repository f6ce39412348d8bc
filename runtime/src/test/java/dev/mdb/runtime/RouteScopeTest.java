package dev.mdb.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code connectingTo} scopes: open until closed, closed innermost first. */
class RouteScopeTest {
    private final ConnectionRouter router = RuntimeFixtures.appRouter();

    @AfterEach
    void stackIsEmptyAfterEachTest() {
        assertThat(router.capture().isEmpty()).isTrue();
    }

    @Test
    void connectingTo_tryWithResources_switchesUntilClosed() {
        try (RouteScope scope = router.connectingTo(Route.reading())) {
            assertThat(scope.isOpen()).isTrue();
            assertThat(router.currentRole("primary")).isEqualTo(Role.READING);
        }
        assertThat(router.currentRole("primary")).isEqualTo(Role.WRITING);
    }

    @Test
    void close_outOfOrder_throwsAndChangesNothing() {
        RouteScope outer = router.connectingTo(Route.reading());
        RouteScope inner = router.connectingTo(Route.shard("shard_one"));

        assertThatThrownBy(outer::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed out of order");
        assertThat(outer.isOpen()).isTrue();
        assertThat(router.current("primary"))
                .isEqualTo(new ResolvedRoute("primary", Role.READING, Shard.of("shard_one"), true));

        inner.close();
        assertThat(router.current("primary").shard()).isEqualTo(Shard.DEFAULT);
        outer.close();
        assertThat(router.currentRole("primary")).isEqualTo(Role.WRITING);
    }

    @Test
    void close_twice_isNoOp() {
        RouteScope scope = router.connectingTo(Route.reading());
        scope.close();
        scope.close();

        assertThat(scope.isOpen()).isFalse();
    }

    @Test
    void close_whileConnectedToBlockInside_throws() {
        RouteScope scope = router.connectingTo(Route.reading());
        router.connectedTo(Route.writing())
                .use(() -> assertThatThrownBy(scope::close).isInstanceOf(IllegalStateException.class));

        assertThat(router.currentRole("primary")).isEqualTo(Role.READING);
        scope.close();
    }

    @Test
    void close_onAnotherThread_throws() throws ExecutionException, InterruptedException {
        RouteScope scope = router.connectingTo(Route.reading());
        Throwable error = CompletableFuture.supplyAsync(() -> {
                    try {
                        scope.close();
                        return null;
                    } catch (IllegalStateException e) {
                        return e;
                    }
                })
                .get();
        scope.close();

        assertThat(error).isInstanceOf(IllegalStateException.class).hasMessageContaining("on the thread that opened");
    }

    @Test
    void connectingTo_unknownShard_throwsAndOpensNothing() {
        assertThatThrownBy(() -> router.connectingTo(Route.shard("foo")))
                .isInstanceOf(UnknownShardException.class)
                .hasMessage(
                        "No database connection defined for 'foo' shard. Group primary has shards: default, shard_one.");
    }

    @Test
    void connectingTo_perGroup_switchesOnlyThatGroup() {
        try (RouteScope scope = router.database("animals").connectingTo(Route.reading())) {
            assertThat(scope.isOpen()).isTrue();
            assertThat(router.currentRole("animals")).isEqualTo(Role.READING);
            assertThat(router.currentRole("primary")).isEqualTo(Role.WRITING);
        }
    }

    @Test
    void connectedTo_scopeLeftOpenInsideBlock_endsWithTheBlock() {
        RouteScope[] leaked = new RouteScope[1];
        router.connectedTo(Route.shard("shard_one")).use(() -> leaked[0] = router.connectingTo(Route.reading()));

        assertThat(router.currentRole("primary")).isEqualTo(Role.WRITING);
        assertThatThrownBy(leaked[0]::close).isInstanceOf(IllegalStateException.class);
    }
}
