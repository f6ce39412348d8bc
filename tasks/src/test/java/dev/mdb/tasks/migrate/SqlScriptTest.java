package dev.mdb.tasks.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.tasks.migrate.SqlScript.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Splitting down migrations into statements, and the line each one starts on. */
class SqlScriptTest {

    private static List<String> sql(String script) {
        return SqlScript.split(script).stream().map(Statement::sql).toList();
    }

    static Stream<Arguments> splits() {
        return Stream.of(
                Arguments.of(
                        "two statements", "DROP TABLE a;\nDROP TABLE b;\n", List.of("DROP TABLE a", "DROP TABLE b")),
                Arguments.of(
                        "last without semicolon",
                        "DROP TABLE a;\nDROP TABLE b",
                        List.of("DROP TABLE a", "DROP TABLE b")),
                Arguments.of("empty statements", ";;\n ; DROP TABLE a;;", List.of("DROP TABLE a")),
                Arguments.of("only comments", "-- nothing; here\n/* or; here */\n", List.of()),
                Arguments.of(
                        "semicolon in single quotes",
                        "INSERT INTO t VALUES ('a;b');\nSELECT 1;",
                        List.of("INSERT INTO t VALUES ('a;b')", "SELECT 1")),
                Arguments.of(
                        "doubled single quote",
                        "INSERT INTO t VALUES ('it''s; fine');SELECT 2;",
                        List.of("INSERT INTO t VALUES ('it''s; fine')", "SELECT 2")),
                Arguments.of(
                        "semicolon in double-quoted identifier",
                        "CREATE TABLE \"a;b\" (id INT);DROP TABLE x;",
                        List.of("CREATE TABLE \"a;b\" (id INT)", "DROP TABLE x")),
                Arguments.of(
                        "semicolon in backticks",
                        "DROP TABLE `a;b`;DROP TABLE c;",
                        List.of("DROP TABLE `a;b`", "DROP TABLE c")),
                Arguments.of(
                        "line comment with semicolon inside statement",
                        "ALTER TABLE users -- drop it; really\n  DROP COLUMN email;\nSELECT 1;",
                        List.of("ALTER TABLE users -- drop it; really\n  DROP COLUMN email", "SELECT 1")),
                Arguments.of(
                        "leading line comment with semicolon",
                        "-- undo; everything\nDROP TABLE a;",
                        List.of("DROP TABLE a")),
                Arguments.of(
                        "block comment with semicolon",
                        "DROP /* a; b */ TABLE a;\n/* c;\n d; */DROP TABLE b;",
                        List.of("DROP /* a; b */ TABLE a", "DROP TABLE b")),
                Arguments.of(
                        "PostgreSQL $$ body",
                        "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  NEW.x := 1;\n  RETURN NEW;\nEND;\n$$"
                                + " LANGUAGE plpgsql;\nDROP TABLE a;",
                        List.of(
                                "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  NEW.x := 1;\n  RETURN NEW;\nEND;\n$$"
                                        + " LANGUAGE plpgsql",
                                "DROP TABLE a")),
                Arguments.of(
                        "PostgreSQL tagged dollar quote containing $$",
                        "DO $body$ BEGIN PERFORM '$$;'; END; $body$;SELECT 1;",
                        List.of("DO $body$ BEGIN PERFORM '$$;'; END; $body$", "SELECT 1")),
                Arguments.of(
                        "positional parameter is not a dollar quote",
                        "PREPARE p AS SELECT $1;SELECT 2;",
                        List.of("PREPARE p AS SELECT $1", "SELECT 2")),
                Arguments.of(
                        "SQLite trigger body",
                        "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE b SET n = n + 1;\n  DELETE FROM c;\nEND;\n"
                                + "DROP TABLE a;",
                        List.of(
                                "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE b SET n = n + 1;\n  DELETE FROM c;\nEND",
                                "DROP TABLE a")),
                Arguments.of(
                        "trigger body with CASE ... END",
                        "create trigger t after update on a begin\n"
                                + "  update b set n = case when new.x then 1 else 2 end;\nend;\nselect 1;",
                        List.of(
                                "create trigger t after update on a begin\n"
                                        + "  update b set n = case when new.x then 1 else 2 end;\nend",
                                "select 1")),
                Arguments.of(
                        "CASE outside a trigger",
                        "SELECT CASE WHEN 1 THEN 2 END;SELECT 3;",
                        List.of("SELECT CASE WHEN 1 THEN 2 END", "SELECT 3")),
                Arguments.of(
                        "BEGIN transaction is not a block",
                        "BEGIN;DROP TABLE a;COMMIT;",
                        List.of("BEGIN", "DROP TABLE a", "COMMIT")),
                Arguments.of(
                        "identifiers that contain keywords",
                        "CREATE TABLE backend (end_date DATE, begin_at DATE);DROP TABLE x;",
                        List.of("CREATE TABLE backend (end_date DATE, begin_at DATE)", "DROP TABLE x")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splits")
    void split_script_yieldsStatementsWithoutTerminators(String name, String script, List<String> expected) {
        assertThat(sql(script)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> backslashes() {
        return Stream.of(
                Arguments.of(
                        "standard string ending in backslash",
                        false,
                        "INSERT INTO p VALUES ('C:\\');INSERT INTO p VALUES ('D:\\');",
                        List.of("INSERT INTO p VALUES ('C:\\')", "INSERT INTO p VALUES ('D:\\')")),
                Arguments.of(
                        "PostgreSQL E-string with escaped quote",
                        false,
                        "SELECT E'it\\'s; ok', e'\\\\';SELECT 2;",
                        List.of("SELECT E'it\\'s; ok', e'\\\\'", "SELECT 2")),
                Arguments.of(
                        "MySQL string with escaped quote",
                        true,
                        "INSERT INTO t VALUES ('it\\'s; ok', \"a\\\"b;\");SELECT 2;",
                        List.of("INSERT INTO t VALUES ('it\\'s; ok', \"a\\\"b;\")", "SELECT 2")),
                Arguments.of(
                        "MySQL backtick identifier ending in backslash",
                        true,
                        "DROP TABLE `a\\`;DROP TABLE b;",
                        List.of("DROP TABLE `a\\`", "DROP TABLE b")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backslashes")
    void split_backslashInString_followsTheEngineRules(
            String name, boolean backslashEscapes, String script, List<String> expected) {
        assertThat(SqlScript.split(script, backslashEscapes))
                .extracting(Statement::sql)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void split_statements_reportLineTheyStartOn() {
        String script = """
                -- header comment
                DROP TABLE a;

                /* multi
                   line; comment */
                ALTER TABLE b
                  DROP COLUMN c; DROP TABLE d;
                INSERT INTO e VALUES ('x
                y');
                DROP TABLE f""";

        assertThat(SqlScript.split(script)).extracting(Statement::line).containsExactly(2, 6, 7, 8, 10);
    }

    @org.junit.jupiter.api.Test
    void split_tableNamedLikeTriggerWithBeginColumn_isNotABlock() {
        var statements = SqlScript.split("CREATE TABLE trigger_log (id INT, begin INT);\nCREATE TABLE b (id INT);");

        org.assertj.core.api.Assertions.assertThat(statements).hasSize(2);
    }
}
