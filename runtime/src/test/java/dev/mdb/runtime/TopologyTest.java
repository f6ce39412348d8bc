package dev.mdb.runtime;

import static dev.mdb.runtime.RuntimeFixtures.rows;
import static dev.mdb.runtime.RuntimeFixtures.topology;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfigurations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Deriving groups, shards and roles from database.yml: Rails guide names, explicit keys, errors, the sample file. */
class TopologyTest {

    static Stream<Arguments> derivations() {
        return Stream.of(
                Arguments.of(
                        "names only",
                        """
                        primary: {adapter: sqlite3}
                        primary_replica: {adapter: sqlite3, replica: true}
                        animals: {adapter: sqlite3}
                        animals_replica: {adapter: sqlite3, replica: true}
                        """,
                        List.of(
                                "primary/default/writing=primary",
                                "primary/default/reading=primary_replica ro",
                                "animals/default/writing=animals",
                                "animals/default/reading=animals_replica ro")),
                Arguments.of(
                        "replica_n entries share the reading role",
                        """
                        primary: {adapter: sqlite3}
                        primary_replica_1: {adapter: sqlite3, replica: true}
                        primary_replica_2: {adapter: sqlite3, replica: true}
                        """,
                        List.of(
                                "primary/default/writing=primary",
                                "primary/default/reading=primary_replica_1,primary_replica_2 ro")),
                Arguments.of(
                        "a replica name without replica: true still reads",
                        """
                        primary: {adapter: sqlite3}
                        primary_replica: {adapter: sqlite3}
                        """,
                        List.of("primary/default/writing=primary", "primary/default/reading=primary_replica ro")),
                Arguments.of(
                        "explicit replica: false wins over the name",
                        """
                        primary: {adapter: sqlite3}
                        primary_replica: {adapter: sqlite3, replica: false}
                        """,
                        List.of("primary/default/writing=primary", "primary_replica/default/writing=primary_replica")),
                Arguments.of(
                        "replica_of wins over the name",
                        """
                        primary: {adapter: sqlite3}
                        animals: {adapter: sqlite3}
                        animals_replica: {adapter: sqlite3, replica: true, replica_of: primary}
                        """,
                        List.of(
                                "primary/default/writing=primary",
                                "primary/default/reading=animals_replica ro",
                                "animals/default/writing=animals")),
                Arguments.of(
                        "custom roles: replica-only and writable",
                        """
                        primary: {adapter: sqlite3}
                        reports: {adapter: sqlite3, replica_of: primary, role: analytics}
                        primary_replica_2: {adapter: sqlite3, replica: true, role: analytics}
                        audit: {adapter: sqlite3, shard_of: primary, shard: default, role: audit}
                        """,
                        List.of(
                                "primary/default/writing=primary",
                                "primary/default/analytics=reports,primary_replica_2 ro",
                                "primary/default/audit=audit")),
                Arguments.of(
                        "shards with replicas, by name",
                        """
                        primary: {adapter: sqlite3}
                        primary_replica: {adapter: sqlite3, replica: true}
                        primary_shard_one: {adapter: sqlite3}
                        primary_shard_one_replica: {adapter: sqlite3, replica: true}
                        primary_shard_two: {adapter: sqlite3}
                        primary_shard_two_replica_1: {adapter: sqlite3, replica: true}
                        """,
                        List.of(
                                "primary/default/writing=primary",
                                "primary/default/reading=primary_replica ro",
                                "primary/shard_one/writing=primary_shard_one",
                                "primary/shard_one/reading=primary_shard_one_replica ro",
                                "primary/shard_two/writing=primary_shard_two",
                                "primary/shard_two/reading=primary_shard_two_replica_1 ro")),
                Arguments.of(
                        "shard_of with shard, and a replica_of that shard",
                        """
                        primary: {adapter: sqlite3}
                        users_eu: {adapter: sqlite3, shard_of: primary, shard: eu}
                        users_eu_ro: {adapter: sqlite3, replica_of: users_eu}
                        """,
                        List.of(
                                "primary/default/writing=primary",
                                "primary/eu/writing=users_eu",
                                "primary/eu/reading=users_eu_ro ro")),
                Arguments.of(
                        "explicit shard: on a writer wins over its name",
                        """
                        tenants_shard_a: {adapter: sqlite3, shard: alpha}
                        tenants_shard_b: {adapter: sqlite3}
                        """,
                        List.of("tenants/alpha/writing=tenants_shard_a", "tenants/shard_b/writing=tenants_shard_b")),
                Arguments.of(
                        "orphan replicas get their own reading-only group",
                        """
                        primary: {adapter: sqlite3}
                        reporting_replica: {adapter: sqlite3, replica: true}
                        warehouse: {adapter: sqlite3, replica: true}
                        primary_shard_three_replica: {adapter: sqlite3, replica: true}
                        """,
                        List.of(
                                "primary/default/writing=primary",
                                "primary/shard_three/reading=primary_shard_three_replica ro",
                                "reporting/default/reading=reporting_replica ro",
                                "warehouse/default/reading=warehouse ro")),
                Arguments.of(
                        "database_tasks: false entries are connectable",
                        """
                        legacy: {adapter: sqlite3, database_tasks: false}
                        """,
                        List.of("legacy/default/writing=legacy")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("derivations")
    void from_entries_derivesRoutes(String description, String entries, List<String> expected) {
        assertThat(rows(topology(entries))).containsExactlyElementsOf(expected);
    }

    @Test
    void from_sampleDatabaseYml_derivesPrimaryShardsAnimalsAndLegacy() {
        Path sample = Path.of("..", "migrations-sample", "config", "database.yml");
        Topology topology = Topology.from(DatabaseConfigurations.load(sample, "development", Map.of()), "development");

        assertThat(topology.groupNames()).containsExactly("primary", "animals", "legacy");
        assertThat(topology.defaultGroup()).isEqualTo("primary");
        assertThat(topology.group("primary").shards())
                .containsExactly(Shard.DEFAULT, Shard.of("shard_one"), Shard.of("shard_two"));
        assertThat(rows(topology))
                .containsExactly(
                        "primary/default/writing=primary",
                        "primary/default/reading=primary_replica ro",
                        "primary/shard_one/writing=primary_shard_one",
                        "primary/shard_one/reading=primary_shard_one_replica ro",
                        "primary/shard_two/writing=primary_shard_two",
                        "primary/shard_two/reading=primary_shard_two_replica ro",
                        "animals/default/writing=animals",
                        "animals/default/reading=animals_replica ro",
                        "legacy/default/writing=legacy");
    }

    @Test
    void defaultGroup_noPrimary_isFirstGroupInYamlOrder() {
        Topology topology = topology("""
                animals: {adapter: sqlite3}
                legacy: {adapter: sqlite3}
                """);

        assertThat(topology.defaultGroup()).isEqualTo("animals");
        assertThat(topology.group("animals").isDefaultGroup()).isTrue();
        assertThat(topology.group("legacy").isDefaultGroup()).isFalse();
    }

    @Test
    void defaultGroup_primaryListedLater_isPrimaryAndOrderIsKept() {
        Topology topology = topology("""
                animals: {adapter: sqlite3}
                primary: {adapter: sqlite3}
                """);

        assertThat(topology.groupNames()).containsExactly("animals", "primary");
        assertThat(topology.defaultGroup()).isEqualTo("primary");
    }

    @Test
    void group_unknownName_throwsListingKnownGroups() {
        Topology topology = topology(RuntimeFixtures.APP);

        assertThatThrownBy(() -> topology.group("plants"))
                .isInstanceOf(UnknownDatabaseGroupException.class)
                .hasMessage("No database group 'plants' in the 'development' environment. Known groups: primary,"
                        + " animals, legacy.");
    }

    static Stream<Arguments> invalidEntries() {
        return Stream.of(
                Arguments.of(
                        """
                        primary: {adapter: sqlite3}
                        primary_replica: {adapter: sqlite3, replica_of: primry}
                        """,
                        "database.yml: 'development/primary_replica' has replica_of: primry, which is not a database of"
                                + " the 'development' environment. Known databases: primary, primary_replica."),
                Arguments.of(
                        """
                        primary: {adapter: sqlite3}
                        primary_replica: {adapter: sqlite3, replica: true}
                        other: {adapter: sqlite3, replica_of: primary_replica}
                        """,
                        "database.yml: 'development/other' has replica_of: primary_replica, which is a replica. Point"
                                + " replica_of at the writer entry."),
                Arguments.of(
                        """
                        primary: {adapter: sqlite3}
                        users_eu: {adapter: sqlite3, shard_of: primary}
                        """,
                        "database.yml: 'development/users_eu' has shard_of: primary but no shard:. Add shard: <name> to"
                                + " say which shard it is."),
                Arguments.of(
                        """
                        primary: {adapter: sqlite3}
                        main: {adapter: sqlite3, shard_of: primary, shard: default}
                        """,
                        "database.yml: shard 'default' of database group 'primary' has two writing databases,"
                                + " 'primary' and 'main'. A shard has one writer: mark the other one replica: true or"
                                + " give it its own shard:."),
                Arguments.of(
                        """
                        a: {adapter: sqlite3, shard_of: b, shard: x}
                        b: {adapter: sqlite3, shard_of: a, shard: y}
                        """,
                        "database.yml: replica_of/shard_of of 'development/a' forms a cycle. Point replica_of and"
                                + " shard_of at a writer entry."));
    }

    @ParameterizedTest
    @MethodSource("invalidEntries")
    void from_contradictoryKeys_throwsConfigException(String entries, String message) {
        assertThatThrownBy(() -> topology(entries))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void from_environmentWithoutEntries_throwsConfigException() {
        DatabaseConfigurations configs = RuntimeFixtures.configurations("primary: {adapter: sqlite3}");

        assertThatThrownBy(() -> Topology.from(configs, "staging"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("No databases are configured for the 'staging' environment");
    }
}
