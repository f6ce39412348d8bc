package dev.mdb.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listeners see every frame before it is pushed and may veto it. */
class RouteListenerTest {
    private final ConnectionRouter router = RuntimeFixtures.appRouter();
    private final List<RouteChange> changes = new ArrayList<>();

    @AfterEach
    void stackIsEmptyAfterEachTest() {
        assertThat(router.capture().isEmpty()).isTrue();
    }

    @Test
    void beforeEnter_perGroupFrame_reportsBeforeAndAfterOfThatGroup() {
        router.addListener(changes::add);
        router.database("animals").connectedTo(Route.reading()).use(() -> {});

        assertThat(changes).hasSize(1);
        RouteChange change = changes.get(0);
        assertThat(change.groups()).containsExactly("animals");
        assertThat(change.route()).isEqualTo(Route.reading());
        assertThat(change.before().get("animals"))
                .isEqualTo(new ResolvedRoute("animals", Role.WRITING, Shard.DEFAULT, false));
        assertThat(change.after().get("animals"))
                .isEqualTo(new ResolvedRoute("animals", Role.READING, Shard.DEFAULT, true));
        assertThat(change.changedGroups()).containsExactly("animals");
    }

    @Test
    void beforeEnter_globalFrame_coversEveryGroupAndReportsOnlyRealChanges() {
        router.database("legacy").whilePreventingWrites().use(() -> {
            router.addListener(changes::add);
            router.whilePreventingWrites().use(() -> {});
        });

        RouteChange change = changes.get(0);
        assertThat(change.groups()).containsExactly("primary", "animals", "legacy");
        assertThat(change.changes("primary")).isTrue();
        assertThat(change.changes("legacy")).isFalse();
        assertThat(change.changedGroups()).containsExactly("primary", "animals");
    }

    @Test
    void beforeEnter_listenerThrows_vetoesSwitchAndBodyNeverRuns() {
        AtomicBoolean bodyRan = new AtomicBoolean();
        router.addListener(change -> {
            if (change.changes("primary")) {
                throw new RouteSwitchInTransactionException("a transaction is open on primary");
            }
        });

        assertThatThrownBy(() -> router.connectedTo(Route.shard("shard_one")).use(() -> bodyRan.set(true)))
                .isInstanceOf(RouteSwitchInTransactionException.class)
                .hasMessage("a transaction is open on primary");
        assertThat(bodyRan).isFalse();
        assertThat(router.currentShard("primary")).isEqualTo(Shard.DEFAULT);
        router.database("animals").connectedTo(Route.reading()).use(() -> bodyRan.set(true));
        assertThat(bodyRan).isTrue();
    }

    @Test
    void beforeEnter_invalidFrame_isNotReportedToListeners() {
        router.addListener(changes::add);

        assertThatThrownBy(() -> router.connectedTo(Route.shard("foo")).use(() -> {}))
                .isInstanceOf(UnknownShardException.class);
        assertThat(changes).isEmpty();
    }

    @Test
    void removeListener_registered_stopsNotifications() {
        RouteListener listener = changes::add;
        router.addListener(listener);
        router.removeListener(listener);
        router.connectedTo(Route.reading()).use(() -> {});

        assertThat(changes).isEmpty();
    }
}
