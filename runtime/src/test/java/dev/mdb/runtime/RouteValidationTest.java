package dev.mdb.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks made when a frame is entered, before its body runs: unknown routes, the shard-swap lock, allowWrites. */
class RouteValidationTest {
    private static final String SWAP_MESSAGE = "cannot swap `shard` while shard swapping is prohibited.";

    private final ConnectionRouter router = RuntimeFixtures.appRouter();
    private final AtomicBoolean bodyRan = new AtomicBoolean();

    @AfterEach
    void stackIsEmptyAfterEachTest() {
        assertThat(router.capture().isEmpty()).isTrue();
    }

    static Stream<Arguments> unknownRoutes() {
        return Stream.of(
                unknown(
                        r -> r.connectedTo(Route.shard("foo")),
                        UnknownShardException.class,
                        "No database connection defined for 'foo' shard. Group primary has shards: default, shard_one."),
                unknown(
                        r -> r.connectedTo(Route.reading().withShard("foo")),
                        UnknownShardException.class,
                        "No database connection defined for 'foo' shard and 'reading' role. Group primary has shards: default, shard_one."),
                unknown(
                        r -> r.connectedTo(Route.role("reporting")),
                        UnknownRoleException.class,
                        "No database connection defined for 'reporting' role. Shard 'default' of primary has roles: writing, reading, audit."),
                unknown(
                        r -> r.database("primary").connectedTo(Route.role("analytics")),
                        UnknownRoleException.class,
                        "No database connection defined for 'analytics' role. Shard 'default' of primary has roles: writing, reading, audit."),
                unknown(
                        r -> r.database("legacy").connectedTo(Route.reading()),
                        UnknownRoleException.class,
                        "No database connection defined for legacy with 'reading' role. Shard 'default' of legacy has roles: writing."),
                unknown(
                        r -> r.database("animals").connectedTo(Route.shard("shard_one")),
                        UnknownShardException.class,
                        "No database connection defined for animals with 'shard_one' shard. Group animals has shards: default."),
                unknown(
                        r -> r.connectedToMany(Set.of("animals", "legacy"), Route.reading()),
                        UnknownRoleException.class,
                        "No database connection defined for legacy with 'reading' role. Shard 'default' of legacy has roles: writing."),
                unknown(
                        r -> r.connectedToMany(Set.of("plants"), Route.reading()),
                        UnknownDatabaseGroupException.class,
                        "No database group 'plants' in the 'development' environment. Known groups: primary, animals,"
                                + " legacy."));
    }

    private static Arguments unknown(
            Function<ConnectionRouter, RouteBinding> binding, Class<? extends Exception> type, String message) {
        return Arguments.of(binding, type, message);
    }

    @ParameterizedTest
    @MethodSource("unknownRoutes")
    void use_unknownRoute_throwsAtEntryWithRailsMessageAndBodyNeverRuns(
            Function<ConnectionRouter, RouteBinding> binding, Class<? extends Exception> type, String message) {
        assertThatThrownBy(() -> binding.apply(router).use(() -> bodyRan.set(true)))
                .isExactlyInstanceOf(type)
                .hasMessage(message);
        assertThat(bodyRan).isFalse();
    }

    @Test
    void database_unknownGroup_throwsListingKnownGroups() {
        assertThatThrownBy(() -> router.database("plants"))
                .isInstanceOf(UnknownDatabaseGroupException.class)
                .hasMessage("No database group 'plants' in the 'development' environment. Known groups: primary,"
                        + " animals, legacy.");
    }

    @Test
    void connectedTo_globalRoleOnlyOneGroupHas_enters() {
        router.connectedTo(Route.role("analytics")).use(() -> {
            bodyRan.set(true);
            assertThat(router.currentRole("animals")).isEqualTo(Role.of("analytics"));
            assertThat(router.isPreventingWrites("animals")).isTrue();
        });
        assertThat(bodyRan).isTrue();
    }

    @Test
    void connectedTo_emptyRoute_throwsRailsArgumentError() {
        assertThatThrownBy(() -> router.connectedTo(new Route(null, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must provide a `shard` and/or `role`.");
    }

    @Test
    void use_allowWritesOnReading_throwsIllegalArgumentAndBodyNeverRuns() {
        assertThatThrownBy(
                        () -> router.connectedTo(Route.reading().allowWrites()).use(() -> bodyRan.set(true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("allowWrites() is not possible on the 'reading' role of database group 'primary' (shard"
                        + " 'default', served by primary_replica): reading and replica-only roles always prevent"
                        + " writes. Switch to the writing role to write.");
        assertThat(bodyRan).isFalse();
    }

    @Test
    void use_allowWritesOnReplicaOnlyCustomRole_throwsIllegalArgument() {
        RouteBinding analytics =
                router.database("animals").connectedTo(Route.role("analytics").allowWrites());

        assertThatThrownBy(() -> analytics.use(() -> bodyRan.set(true))).isInstanceOf(IllegalArgumentException.class);
        assertThat(bodyRan).isFalse();
    }

    @Test
    void use_allowWritesInsideReadingFrame_throwsIllegalArgument() {
        router.connectedTo(Route.reading())
                .use(() -> assertThatThrownBy(() -> router.connectedTo(
                                        Route.preventingWrites().allowWrites())
                                .use(() -> bodyRan.set(true)))
                        .isInstanceOf(IllegalArgumentException.class));
        assertThat(bodyRan).isFalse();
    }

    @Test
    void use_allowWritesOnWritableCustomRole_allowsWrites() {
        router.database("primary")
                .connectedTo(Route.role("audit").allowWrites())
                .use(() -> assertThat(router.isPreventingWrites("primary")).isFalse());
    }

    @Test
    void prohibitShardSwapping_differentShard_throwsRailsMessageAndBodyNeverRuns() {
        router.prohibitShardSwapping().use(() -> {
            assertThat(router.isShardSwappingProhibited()).isTrue();
            assertThatThrownBy(
                            () -> router.connectedTo(Route.shard("shard_one")).use(() -> bodyRan.set(true)))
                    .isInstanceOf(ShardSwapProhibitedException.class)
                    .hasMessage(SWAP_MESSAGE);
            assertThat(router.currentShard("primary")).isEqualTo(Shard.DEFAULT);
        });
        assertThat(bodyRan).isFalse();
        assertThat(router.isShardSwappingProhibited()).isFalse();
    }

    @Test
    void prohibitShardSwapping_sameShard_isAllowed() {
        router.connectedTo(Route.shard("shard_one"))
                .use(() -> router.prohibitShardSwapping()
                        .use(() -> router.connectedTo(Route.reading().withShard("shard_one"))
                                .use(() -> bodyRan.set(true))));
        assertThat(bodyRan).isTrue();
    }

    @Test
    void prohibitShardSwapping_roleOnlyChange_isAllowed() {
        router.connectedTo(Route.shard("shard_one"))
                .use(() -> router.prohibitShardSwapping()
                        .use(() -> router.connectedTo(Route.reading()).use(() -> {
                            assertThat(router.current("primary").shard()).isEqualTo(Shard.of("shard_one"));
                            assertThat(router.currentRole("primary")).isEqualTo(Role.READING);
                        })));
    }

    @Test
    void prohibitShardSwapping_perGroup_locksOnlyThatGroup() {
        router.database("animals").prohibitShardSwapping().use(() -> {
            assertThat(router.isShardSwappingProhibited()).isFalse();
            assertThat(router.isShardSwappingProhibited("animals")).isTrue();
            router.database("primary").connectedTo(Route.shard("shard_one")).use(() -> bodyRan.set(true));
            assertThatThrownBy(
                            () -> router.connectedTo(Route.shard("shard_one")).use(() -> {}))
                    .isInstanceOf(ShardSwapProhibitedException.class)
                    .hasMessage(SWAP_MESSAGE);
        });
        assertThat(bodyRan).isTrue();
    }

    @Test
    void prohibitShardSwapping_connectingTo_throwsAndOpensNothing() {
        router.prohibitShardSwapping().use(() -> {
            assertThatThrownBy(() -> router.connectingTo(Route.shard("shard_one")))
                    .isInstanceOf(ShardSwapProhibitedException.class);
            assertThat(router.currentShard("primary")).isEqualTo(Shard.DEFAULT);
        });
    }
}
