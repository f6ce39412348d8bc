package dev.mdb.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** psql-style aligned and expanded tables; NULL shown as NULL; row-count footers; command tags. */
class ConsoleTableRendererTest {
    private static final ResultTable TABLE = new ResultTable(
            List.of("id", "name", "note"),
            List.of(true, false, false),
            List.of(
                    List.of("1", "Fido", "good\ndog"),
                    Arrays.asList("22", null, "x"),
                    Arrays.asList(null, "Laika", "")));

    @Test
    void render_aligned_rightAlignsNumbersAndShowsNull() {
        assertThat(TableRenderer.render(TABLE, false)).isEqualTo("""
                  id  | name  |   note
                ------+-------+-----------
                    1 | Fido  | good\\ndog
                   22 | NULL  | x
                 NULL | Laika |
                (3 rows)
                """);
    }

    @Test
    void render_expanded_printsOneBlockPerRow() {
        assertThat(TableRenderer.render(TABLE, true)).isEqualTo("""
                -[ RECORD 1 ]---
                id   | 1
                name | Fido
                note | good\\ndog
                -[ RECORD 2 ]---
                id   | 22
                name | NULL
                note | x
                -[ RECORD 3 ]---
                id   | NULL
                name | Laika
                note |
                (3 rows)
                """);
    }

    @Test
    void render_noRows_printsHeaderAndZeroRows() {
        ResultTable empty = ResultTable.of(List.of("a"), List.of());

        assertThat(TableRenderer.render(empty, false)).isEqualTo(" a\n---\n(0 rows)\n");
    }

    @Test
    void render_aligned_escapesControlCharactersAndCentersWideHeaders() {
        ResultTable table =
                new ResultTable(List.of("a long name", "n"), List.of(false, true), List.of(List.of("x\ty\r", "7")));

        assertThat(TableRenderer.render(table, false)).isEqualTo("""
                 a long name | n
                -------------+---
                 x\\ty\\r      | 7
                (1 row)
                """);
    }

    @Test
    void footer_singularForOneRow() {
        assertThat(TableRenderer.footer(1)).isEqualTo("(1 row)");
        assertThat(TableRenderer.footer(2)).isEqualTo("(2 rows)");
    }

    @Test
    void commandTag_countsDmlAndNamesDdl() {
        assertThat(StatementRunner.commandTag("update dogs set age = 1", 2)).isEqualTo("UPDATE 2");
        assertThat(StatementRunner.commandTag("-- c\nINSERT INTO dogs VALUES (1)", 1))
                .isEqualTo("INSERT 1");
        assertThat(StatementRunner.commandTag("CREATE UNIQUE INDEX i ON t (a)", 0))
                .isEqualTo("CREATE INDEX");
        assertThat(StatementRunner.commandTag("drop table if exists t", 0)).isEqualTo("DROP TABLE");
        assertThat(StatementRunner.commandTag("BEGIN", 0)).isEqualTo("BEGIN");
        assertThat(StatementRunner.commandTag(" /* a */ /* b */\n delete from t", 3))
                .isEqualTo("DELETE 3");
        assertThat(StatementRunner.commandTag("-- only a comment", 0)).isEqualTo("OK 0");
        assertThat(StatementRunner.commandTag("/* unterminated", 0)).isEqualTo("OK 0");
    }
}
