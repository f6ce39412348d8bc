package dev.mdb.tasks.adapter.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.runtime.sql.Dialect;
import dev.mdb.runtime.sql.SqlLexer;
import dev.mdb.runtime.sql.SqlStatement;
import dev.mdb.tasks.schema.SchemaDumper;
import dev.mdb.tasks.schema.SchemaLoader;
import dev.mdb.tasks.schema.UnsupportedSchemaObjectException;
import dev.mdb.testsupport.DatabaseServerExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** MySQL/MariaDB {@code schema_format: sql}: every object kind, round trip into another database name, refusals. */
@Tag("mariadb")
class MariadbSchemaDumperIT {

    @RegisterExtension
    static DatabaseServerExtension db = DatabaseServerExtension.mariadb();

    private static final SchemaDumper DUMPER = new MysqlSchemaDumper();

    /** The fixture loaded into database A, its dump, and that dump loaded into an empty database B. */
    private static String original;

    private static String reloaded;
    private static String dumpOfOriginal;

    @BeforeAll
    static void loadFixtureAndReload() throws Exception {
        original = db.createDatabase();
        try (Connection c = db.connect(original)) {
            SchemaLoader.load(c, fixture(), Dialect.MYSQL);
            dumpOfOriginal = DUMPER.dump(c);
        }
        reloaded = db.createDatabase();
        try (Connection c = db.connect(reloaded)) {
            SchemaLoader.load(c, dumpOfOriginal, Dialect.MYSQL);
        }
    }

    private static String fixture() throws IOException {
        try (InputStream in = Objects.requireNonNull(
                MariadbSchemaDumperIT.class.getResourceAsStream("/schema/mariadb_all_objects.sql"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String dump(String database) throws SQLException {
        try (Connection c = db.connect(database)) {
            return DUMPER.dump(c);
        }
    }

    private static void execute(String database, String... statements) throws SQLException {
        try (Connection c = db.connect(database);
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    @Test
    void dump_loadedIntoDatabaseWithAnotherName_dumpsByteIdentical() throws Exception {
        assertThat(dump(reloaded)).isEqualTo(dumpOfOriginal);
    }

    @Test
    void dump_runTwice_isIdentical() throws Exception {
        try (Connection c = db.connect(original)) {
            assertThat(DUMPER.dump(c)).isEqualTo(DUMPER.dump(c)).isEqualTo(dumpOfOriginal);
        }
    }

    @Test
    void dump_databaseName_appearsNowhere() throws Exception {
        assertThat(dumpOfOriginal).doesNotContain(original);
        assertThat(dump(reloaded)).doesNotContain(reloaded);
    }

    @Test
    void dump_fixture_writesEveryObjectKindInLoadableOrder() {
        assertThat(dumpOfOriginal)
                .startsWith("CREATE SEQUENCE `audit_ids` start with 1 minvalue 1")
                .containsSubsequence(
                        "CREATE SEQUENCE `audit_ids`",
                        "CREATE SEQUENCE `order_numbers` start with 1000 minvalue 1",
                        // tables by name
                        "CREATE TABLE `audit_log`",
                        "CREATE TABLE `flyway_schema_history`",
                        "CREATE TABLE `order lines`",
                        "CREATE TABLE `owners`",
                        "CREATE TABLE `price_history`",
                        "CREATE TABLE `rates`",
                        "CREATE TABLE `readings`",
                        "CREATE TABLE `widgets`",
                        // foreign keys after every table, by table then name
                        "ALTER TABLE `order lines` ADD CONSTRAINT `order lines_ibfk_1` FOREIGN KEY (`widget_id`)"
                                + " REFERENCES `widgets` (`id`);\n\n",
                        "ALTER TABLE `widgets` ADD CONSTRAINT `widgets_owner_fk` FOREIGN KEY (`owner_id`)"
                                + " REFERENCES `owners` (`id`) ON DELETE CASCADE ON UPDATE CASCADE;\n\n",
                        "ALTER TABLE `widgets` ADD CONSTRAINT `widgets_parent_fk` FOREIGN KEY (`parent_id`)"
                                + " REFERENCES `widgets` (`id`) ON DELETE SET NULL;\n\n",
                        // views by name, but each after the views it reads
                        "CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW `m_cheap_widgets` AS select ",
                        "CREATE VIEW `order_numbers_used` AS select lastval(`order_numbers`) AS `last_order_no`,"
                                + "(select count(0) from `widgets`) AS `n`;\n\n",
                        "CREATE VIEW `z_active_widgets` AS select ",
                        "CREATE VIEW `a_owner_totals` AS select ")
                .contains("`order_no` bigint(20) NOT NULL DEFAULT nextval(`order_numbers`)")
                .contains("`price` decimal(12,2) GENERATED ALWAYS AS (`price_cents` / 100) VIRTUAL")
                .contains("STORED")
                .contains("`id` bigint(20) NOT NULL AUTO_INCREMENT")
                .contains("DEFAULT 'unnamed; it''s \\\\ \"quoted\"'")
                .contains("COMMENT 'free text; may say \"anything\"\\nincluding a second line'")
                .contains("COMMENT='people who own widgets; it''s a comment'")
                .contains("KEY `widgets_owner_name` (`owner_id`,`name`(20) DESC)")
                .contains("FULLTEXT KEY `widgets_name_fulltext` (`name`)")
                .contains("WITH SYSTEM VERSIONING")
                .contains("WITH CASCADED CHECK OPTION;\n\n")
                .doesNotContain("AUTO_INCREMENT=")
                .doesNotContain("DEFINER")
                .doesNotContain("ALGORITHM=UNDEFINED")
                .doesNotContain("mdb_internal_metadata")
                .doesNotContain("INSERT")
                .endsWith(";\n\n");
    }

    @Test
    void dump_indexesAndChecks_areSortedByName() {
        assertThat(dumpOfOriginal)
                .containsSubsequence(
                        "CREATE TABLE `widgets`",
                        "  PRIMARY KEY (`id`),\n",
                        "  KEY `widgets_label` (`label`),\n",
                        "  FULLTEXT KEY `widgets_name_fulltext` (`name`),\n",
                        "  KEY `widgets_owner_name`",
                        "  KEY `widgets_parent_fk` (`parent_id`),\n",
                        "  UNIQUE KEY `widgets_sku` (`sku`),\n",
                        "  CONSTRAINT `widgets_cheap_or_labelled` CHECK",
                        "  CONSTRAINT `widgets_name_not_blank` CHECK",
                        ") ENGINE=InnoDB");
    }

    @Test
    void dump_flywayHistory_isDumpedLikeAnyTable() {
        assertThat(dumpOfOriginal)
                .contains("CREATE TABLE `flyway_schema_history` (\n  `installed_rank` int(11) NOT NULL,")
                .contains("  KEY `flyway_schema_history_s_idx` (`success`)\n");
    }

    @Test
    void dump_everyStatement_endsWithSemicolonAndBlankLine() {
        List<String> statements = SqlLexer.split(dumpOfOriginal, Dialect.MYSQL).stream()
                .map(SqlStatement::text)
                .toList();

        assertThat(String.join(";\n\n", statements) + ";\n\n").isEqualTo(dumpOfOriginal);
        assertThat(statements).hasSize(17);
    }

    @Test
    void load_dumpedSchema_behavesLikeTheOriginal() throws Exception {
        execute(
                reloaded,
                "INSERT INTO owners (email) VALUES ('x@example.com')",
                "INSERT INTO widgets (owner_id, sku, price_cents) VALUES (1, 'w', 250)");
        try (Connection c = db.connect(reloaded);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT order_no, price, label FROM widgets")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(1000L);
            assertThat(rs.getString(2)).isEqualTo("2.50");
            assertThat(rs.getString(3)).isEqualTo("UNNAMED; IT'S \\ \"QUOTED\" #w");
        }
        assertThatThrownBy(() -> execute(reloaded, "INSERT INTO widgets (owner_id, sku) VALUES (99, 'orphan')"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("foreign key constraint fails");
    }

    @Test
    void dump_indexesCreatedInAnotherOrder_isSameBytes() throws Exception {
        List<String> statements = new ArrayList<>(SqlLexer.split(fixture(), Dialect.MYSQL).stream()
                .map(SqlStatement::text)
                .toList());
        List<Integer> slots = new ArrayList<>();
        List<String> reordered = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            String sql = statements.get(i);
            if (sql.matches("(?s)CREATE (UNIQUE |FULLTEXT )?INDEX widgets.*|ALTER TABLE widgets ADD CONSTRAINT.*")) {
                slots.add(i);
                reordered.add(0, sql);
            }
        }
        for (int i = 0; i < slots.size(); i++) {
            statements.set(slots.get(i), reordered.get(i));
        }
        String other = db.createDatabase();
        try (Connection c = db.connect(other)) {
            SchemaLoader.load(c, String.join(";\n", statements), Dialect.MYSQL);
            assertThat(DUMPER.dump(c)).isEqualTo(dumpOfOriginal);
        }
    }

    @Test
    void dump_restoresTheSessionsSqlMode() throws Exception {
        try (Connection c = db.connect(original);
                Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = 'ANSI_QUOTES,NO_TABLE_OPTIONS', sql_quote_show_create = 0");

            assertThat(DUMPER.dump(c)).isEqualTo(dumpOfOriginal);
            try (ResultSet rs = s.executeQuery("SELECT @@SESSION.sql_mode, @@SESSION.sql_quote_show_create")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ANSI_QUOTES,NO_TABLE_OPTIONS");
                assertThat(rs.getInt(2)).isZero();
            }
        }
    }

    @Test
    void dump_tableNamedLikeTheDatabase_keepsTheViewsColumnQualifiers() throws Exception {
        String database = db.createDatabase();
        execute(
                database,
                "CREATE TABLE `" + database + "` (id int PRIMARY KEY)",
                "CREATE VIEW ids AS SELECT `" + database + "`.id FROM `" + database + "`");

        String dump = dump(database);

        assertThat(dump).contains("VIEW `ids` AS select `" + database + "`.`id` AS `id` from `" + database + "`;");
        String other = db.createDatabase();
        try (Connection c = db.connect(other)) {
            SchemaLoader.load(c, dump, Dialect.MYSQL);
            assertThat(DUMPER.dump(c)).isEqualTo(dump);
        }
    }

    @Test
    void dump_emptyDatabase_isEmpty() throws Exception {
        assertThat(dump(db.createDatabase())).isEmpty();
    }

    static Stream<Arguments> programmableObjects() {
        return Stream.of(
                Arguments.of(
                        "CREATE TRIGGER widgets_touch BEFORE UPDATE ON t FOR EACH ROW SET NEW.a = NEW.a + 1",
                        "trigger widgets_touch"),
                Arguments.of("CREATE PROCEDURE cleanup() DELETE FROM t", "procedure cleanup"),
                Arguments.of("CREATE FUNCTION twice(x int) RETURNS int DETERMINISTIC RETURN x * 2", "function twice"),
                Arguments.of("CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO DELETE FROM t", "event nightly"));
    }

    @ParameterizedTest
    @MethodSource("programmableObjects")
    void dump_triggerRoutineOrEvent_isRefusedNamingIt(String ddl, String named) throws Exception {
        String database = db.createDatabase();
        execute(database, "CREATE TABLE t (a int)", ddl);

        try (Connection c = db.connect(database)) {
            assertThatThrownBy(() -> DUMPER.dump(c))
                    .isInstanceOf(UnsupportedSchemaObjectException.class)
                    .hasMessageContaining("can't dump " + named)
                    .hasMessageContaining("schema_format: structure");
        }
    }
}
