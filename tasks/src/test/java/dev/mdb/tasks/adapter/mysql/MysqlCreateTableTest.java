package dev.mdb.tasks.adapter.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.tasks.schema.UnsupportedSchemaObjectException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Normalising {@code SHOW CREATE TABLE} output, without a server. */
class MysqlCreateTableTest {

    private static final String SHOWN = String.join(
            "\n",
            "CREATE TABLE `child` (",
            "  `id` bigint(20) NOT NULL AUTO_INCREMENT,",
            "  `parent_id` int(11) DEFAULT NULL,",
            "  `code` bigint(20) DEFAULT nextval(`app`.`codes`),",
            "  `note` varchar(20) DEFAULT 'a, b) AUTO_INCREMENT=9',",
            "  PRIMARY KEY (`id`),",
            "  UNIQUE KEY `z_unique` (`code`),",
            "  KEY `b_index` (`note`(5) DESC),",
            "  KEY `a_index` (`parent_id`),",
            "  CONSTRAINT `z_fk` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`) ON DELETE CASCADE,",
            "  CONSTRAINT `a_fk` FOREIGN KEY (`code`) REFERENCES `other_db`.`codes` (`id`),",
            "  CONSTRAINT `positive` CHECK (`code` > 0),",
            "  CONSTRAINT `CONSTRAINT_1` CHECK (`note` <> 'x,y')",
            ") ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COMMENT='AUTO_INCREMENT=7, really'");

    @Test
    void normalize_sortsKeysAndChecks_movesForeignKeysOut_dropsCounterAndDatabase() {
        MysqlCreateTable.Normalized normalized = MysqlCreateTable.normalize("child", "app", SHOWN);

        assertThat(normalized.createTable())
                .isEqualTo(String.join(
                        "\n",
                        "CREATE TABLE `child` (",
                        "  `id` bigint(20) NOT NULL AUTO_INCREMENT,",
                        "  `parent_id` int(11) DEFAULT NULL,",
                        "  `code` bigint(20) DEFAULT nextval(`codes`),",
                        "  `note` varchar(20) DEFAULT 'a, b) AUTO_INCREMENT=9',",
                        "  PRIMARY KEY (`id`),",
                        "  KEY `a_index` (`parent_id`),",
                        "  KEY `b_index` (`note`(5) DESC),",
                        "  UNIQUE KEY `z_unique` (`code`),",
                        "  CONSTRAINT `CONSTRAINT_1` CHECK (`note` <> 'x,y'),",
                        "  CONSTRAINT `positive` CHECK (`code` > 0)",
                        ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='AUTO_INCREMENT=7, really'"));
        assertThat(normalized.foreignKeys())
                .containsExactly(
                        "ALTER TABLE `child` ADD CONSTRAINT `a_fk` FOREIGN KEY (`code`) REFERENCES `other_db`.`codes`"
                                + " (`id`)",
                        "ALTER TABLE `child` ADD CONSTRAINT `z_fk` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`)"
                                + " ON DELETE CASCADE");
    }

    @Test
    void normalize_nameWithBacktick_isQuotedByDoubling() {
        String shown = "CREATE TABLE `we``ird` (\n  `a` int(11) DEFAULT NULL\n) ENGINE=InnoDB";

        assertThat(MysqlCreateTable.normalize("we`ird", "app", shown).createTable())
                .isEqualTo(shown);
    }

    @Test
    void normalize_unexpectedText_isRefusedNamingTheTable() {
        assertThatThrownBy(() -> MysqlCreateTable.normalize("t", "app", "CREATE TEMPORARY TABLE `t` (`a` int)"))
                .isInstanceOf(UnsupportedSchemaObjectException.class)
                .hasMessageContaining("table t");
    }

    @Test
    void stripQualifier_leavesStringsAndOtherDatabasesAlone() {
        assertThat(MysqlSqlText.stripQualifier("`app`.`t`.`c`, 'x `app`.`t`', `other`.`t`, `app`", "app"))
                .isEqualTo("`t`.`c`, 'x `app`.`t`', `other`.`t`, `app`");
    }

    @Test
    void tableReferences_skipsColumnsAliasesAndOtherDatabases() {
        String select = "select `v1`.`a` AS `v2`,`x`.`b` AS `b` from (`v1` join `other`.`v3` `x`) where 'v4' = `v5`";

        assertThat(MysqlSqlText.tableReferences(select, java.util.Set.of("v1", "v2", "v3", "v4", "v5")))
                .containsExactly("v1", "v5");
    }

    @Test
    void splitTopLevel_respectsParenthesesAndQuotes() {
        assertThat(MysqlSqlText.splitTopLevel(" a (1, 2), 'b,\\' c', `d,e` , f"))
                .isEqualTo(List.of("a (1, 2)", "'b,\\' c'", "`d,e`", "f"));
    }
}
