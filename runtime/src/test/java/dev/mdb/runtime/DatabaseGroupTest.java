package dev.mdb.runtime;

import static dev.mdb.runtime.RuntimeFixtures.topology;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A group's shards, roles, targets, write prevention and Rails' missing-pool messages. */
class DatabaseGroupTest {
    private final Topology topology = topology(RuntimeFixtures.APP);
    private final DatabaseGroup primary = topology.group("primary");
    private final DatabaseGroup animals = topology.group("animals");

    @Test
    void roles_shard_listsWritingReadingThenCustomRoles() {
        assertThat(primary.roles(Shard.DEFAULT)).containsExactly(Role.WRITING, Role.READING, Role.of("audit"));
        assertThat(primary.roles(Shard.of("shard_one"))).containsExactly(Role.WRITING, Role.READING);
        assertThat(primary.roles(Shard.of("nope"))).isEmpty();
    }

    @Test
    void targets_knownRoute_returnsEntryNames() {
        assertThat(primary.targets(Shard.of("shard_one"), Role.READING)).containsExactly("primary_shard_one_replica");
        assertThat(animals.targets(Shard.DEFAULT, Role.of("analytics"))).containsExactly("animals_reporting");
    }

    @Test
    void replicaOnly_readingCustomReplicaAndWritableCustom_reportsWritePrevention() {
        assertThat(primary.replicaOnly(Shard.DEFAULT, Role.WRITING)).isFalse();
        assertThat(primary.replicaOnly(Shard.DEFAULT, Role.READING)).isTrue();
        assertThat(primary.replicaOnly(Shard.DEFAULT, Role.of("audit"))).isFalse();
        assertThat(animals.replicaOnly(Shard.DEFAULT, Role.of("analytics"))).isTrue();
    }

    @Test
    void config_entryOfGroup_returnsItsDatabaseConfig() {
        assertThat(primary.config("primary_replica").replica()).isTrue();
        assertThat(primary.configs())
                .extracting(c -> c.name())
                .containsExactly(
                        "primary", "primary_replica", "primary_shard_one", "primary_shard_one_replica", "audit");
        assertThatThrownBy(() -> primary.config("animals"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'animals' is not a database of group 'primary'.");
    }

    @Test
    void defaultShard_noDefaultShard_isFirstShard() {
        DatabaseGroup tenants = topology("""
                tenants_shard_b: {adapter: sqlite3}
                tenants_shard_a: {adapter: sqlite3}
                """).group("tenants");

        assertThat(tenants.defaultShard()).isEqualTo(Shard.of("shard_b"));
        assertThat(primary.defaultShard()).isEqualTo(Shard.DEFAULT);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "primary | foo       | writing   | shard | No database connection defined for 'foo' shard."
                        + " | Group primary has shards: default, shard_one.",
                "primary | foo       | reading   | shard | No database connection defined for 'foo' shard and 'reading'"
                        + " role. | Group primary has shards: default, shard_one.",
                "primary | default   | analytics | role  | No database connection defined for 'analytics' role."
                        + " | Shard 'default' of primary has roles: writing, reading, audit.",
                "primary | shard_one | audit     | role  | No database connection defined for 'shard_one' shard and"
                        + " 'audit' role. | Shard 'shard_one' of primary has roles: writing, reading.",
                "legacy  | default   | reading   | role  | No database connection defined for legacy with 'reading' role."
                        + " | Shard 'default' of legacy has roles: writing.",
                "animals | shard_one | writing   | shard | No database connection defined for animals with 'shard_one'"
                        + " shard. | Group animals has shards: default.",
                "animals | shard_one | reading   | shard | No database connection defined for animals with 'shard_one'"
                        + " shard and 'reading' role. | Group animals has shards: default."
            })
    void requireRoute_missingPool_throwsRailsMessageThenTheKnownOnes(
            String group, String shard, String role, String kind, String railsMessage, String known) {
        DatabaseGroup databaseGroup = topology.group(group);

        assertThatThrownBy(() -> databaseGroup.targets(Shard.of(shard), Role.of(role)))
                .isInstanceOf(kind.equals("shard") ? UnknownShardException.class : UnknownRoleException.class)
                .hasMessage(railsMessage + " " + known)
                .hasFieldOrPropertyWithValue("group", group);
    }

    @Test
    void requireRoute_writerlessGroupOnDefaults_namesOnlyTheGroup() {
        DatabaseGroup reporting = topology("""
                primary: {adapter: sqlite3}
                reporting_replica: {adapter: sqlite3, replica: true}
                """).group("reporting");

        assertThatThrownBy(() -> reporting.requireRoute(Shard.DEFAULT, Role.WRITING))
                .isInstanceOf(UnknownRoleException.class)
                .hasMessage(
                        "No database connection defined for reporting. Shard 'default' of reporting has roles: reading.");
    }
}
