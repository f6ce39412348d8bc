package dev.mdb.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The resolution rules: nesting, granular and global frames, restoring, and write prevention. */
class ConnectionRouterTest {
    private static final Shard SHARD_ONE = Shard.of("shard_one");

    private final ConnectionRouter router = RuntimeFixtures.appRouter();

    @AfterEach
    void stackIsEmptyAfterEachTest() {
        assertThat(router.capture().isEmpty()).isTrue();
    }

    private ResolvedRoute route(String group, Role role, Shard shard, boolean writesPrevented) {
        return new ResolvedRoute(group, role, shard, writesPrevented);
    }

    @Test
    void current_noFrame_isWritingOnDefaultShardWithWritesAllowed() {
        assertThat(router.current()).isEqualTo(route("primary", Role.WRITING, Shard.DEFAULT, false));
        assertThat(router.current("animals")).isEqualTo(route("animals", Role.WRITING, Shard.DEFAULT, false));
        assertThat(router.isShardSwappingProhibited()).isFalse();
    }

    @Test
    void connectedTo_reading_switchesEveryGroupAndForcesPreventWrites() {
        router.connectedTo(Route.reading()).use(() -> {
            assertThat(router.current("primary")).isEqualTo(route("primary", Role.READING, Shard.DEFAULT, true));
            assertThat(router.current("animals")).isEqualTo(route("animals", Role.READING, Shard.DEFAULT, true));
        });
    }

    @Test
    void connectedTo_roleOnlyInsideShard_keepsShard() {
        router.connectedTo(Route.shard("shard_one"))
                .use(() -> router.connectedTo(Route.reading())
                        .use(() -> assertThat(router.current("primary"))
                                .isEqualTo(route("primary", Role.READING, SHARD_ONE, true))));
    }

    @Test
    void connectedTo_nested_innermostWinsAndLeavingRestoresOuter() {
        router.connectedTo(Route.reading()).use(() -> {
            router.connectedTo(Route.writing().withShard("shard_one"))
                    .use(() ->
                            assertThat(router.current()).isEqualTo(route("primary", Role.WRITING, SHARD_ONE, false)));
            assertThat(router.current()).isEqualTo(route("primary", Role.READING, Shard.DEFAULT, true));
        });
        assertThat(router.current()).isEqualTo(route("primary", Role.WRITING, Shard.DEFAULT, false));
    }

    @Test
    void database_granularInsideGlobal_newestWinsForItsGroupOnly() {
        router.connectedTo(Route.reading())
                .use(() -> router.database("animals")
                        .connectedTo(Route.writing())
                        .use(() -> {
                            assertThat(router.currentRole("animals")).isEqualTo(Role.WRITING);
                            assertThat(router.currentRole("primary")).isEqualTo(Role.READING);
                            assertThat(router.currentRole("legacy")).isEqualTo(Role.READING);
                        }));
    }

    @Test
    void connectedTo_globalInsideGranular_newestWinsAndLeavingRestoresGranular() {
        DatabaseRouter animals = router.database("animals");
        animals.connectedTo(Route.reading()).use(() -> {
            router.connectedTo(Route.writing())
                    .use(() -> assertThat(animals.currentRole()).isEqualTo(Role.WRITING));
            assertThat(animals.currentRole()).isEqualTo(Role.READING);
            assertThat(animals.isPreventingWrites()).isTrue();
            assertThat(router.currentRole("primary")).isEqualTo(Role.WRITING);
        });
    }

    @Test
    void connectedToMany_someGroups_switchesOnlyThose() {
        router.connectedToMany(Set.of("animals", "legacy"), Route.preventingWrites())
                .use(() -> {
                    assertThat(router.isPreventingWrites("animals")).isTrue();
                    assertThat(router.isPreventingWrites("legacy")).isTrue();
                    assertThat(router.isPreventingWrites("primary")).isFalse();
                });
    }

    @Test
    void with_bodyReturnsValue_returnsItUnderTheRoute() {
        String role = router.connectedTo(Route.reading())
                .with(() -> router.currentRole("primary").name());

        assertThat(role).isEqualTo("reading");
    }

    @Test
    void use_bodyThrowsCheckedException_propagatesItAndRestores() {
        assertThatThrownBy(() -> router.connectedTo(Route.reading().withShard("shard_one"))
                        .use(() -> {
                            throw new IOException("disk full");
                        }))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");

        assertThat(router.current()).isEqualTo(route("primary", Role.WRITING, Shard.DEFAULT, false));
    }

    @Test
    void with_innerBodyThrows_restoresOuterFrameExactly() {
        router.database("animals").connectedTo(Route.reading()).use(() -> {
            assertThatThrownBy(() -> router.connectedTo(Route.shard("shard_one").preventWrites())
                            .use(() -> {
                                throw new IllegalStateException("boom");
                            }))
                    .hasMessage("boom");
            assertThat(router.current("animals")).isEqualTo(route("animals", Role.READING, Shard.DEFAULT, true));
            assertThat(router.current("primary")).isEqualTo(route("primary", Role.WRITING, Shard.DEFAULT, false));
        });
    }

    @Test
    void whilePreventingWrites_innerWritingFrame_keepsWritesPrevented() {
        router.whilePreventingWrites().use(() -> {
            assertThat(router.current()).isEqualTo(route("primary", Role.WRITING, Shard.DEFAULT, true));
            router.connectedTo(Route.writing().withShard("shard_one"))
                    .use(() -> assertThat(router.isPreventingWrites("primary")).isTrue());
        });
    }

    @Test
    void connectedTo_allowWritesInsidePreventWrites_allowsWrites() {
        router.whilePreventingWrites()
                .use(() -> router.connectedTo(Route.writing().allowWrites()).use(() -> {
                    assertThat(router.isPreventingWrites("primary")).isFalse();
                    assertThat(router.isPreventingWrites("legacy")).isFalse();
                }));
    }

    @Test
    void connectedTo_writingInsideReading_isWritableBecauseForcedPreventionIsNotInherited() {
        router.connectedTo(Route.reading())
                .use(() -> router.connectedTo(Route.writing())
                        .use(() ->
                                assertThat(router.isPreventingWrites("primary")).isFalse()));
    }

    @Test
    void connectedTo_customRoles_replicaOnlyPreventsAndWritableAllows() {
        router.database("animals")
                .connectedTo(Route.role("analytics"))
                .use(() -> assertThat(router.isPreventingWrites("animals")).isTrue());
        router.database("primary")
                .connectedTo(Route.role("audit"))
                .use(() -> assertThat(router.isPreventingWrites("primary")).isFalse());
    }

    @Test
    void database_whilePreventingWrites_preventsOnlyThatGroup() {
        router.database("legacy").whilePreventingWrites().use(() -> {
            assertThat(router.isPreventingWrites("legacy")).isTrue();
            assertThat(router.isPreventingWrites("primary")).isFalse();
        });
    }

    @Test
    void connectedTo_globalShardSomeGroupsLack_entersAndThoseGroupsFailAtLookup() {
        router.connectedTo(Route.shard("shard_one")).use(() -> {
            ResolvedRoute animals = router.current("animals");
            assertThat(animals.shard()).isEqualTo(SHARD_ONE);
            assertThatThrownBy(() -> router.topology().group("animals").targets(animals.shard(), animals.role()))
                    .isInstanceOf(UnknownShardException.class)
                    .hasMessage(
                            "No database connection defined for animals with 'shard_one' shard. Group animals has shards: default.");
        });
    }

    @Test
    void routeBinding_reused_entersAgainEachTime() {
        RouteBinding reading = router.connectedTo(Route.reading());

        assertThat(reading.with(() -> router.currentRole("primary"))).isEqualTo(Role.READING);
        assertThat(reading.with(() -> reading.with(() -> router.currentRole("primary"))))
                .isEqualTo(Role.READING);
    }
}
