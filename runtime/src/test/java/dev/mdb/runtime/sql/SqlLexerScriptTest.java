package dev.mdb.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Splitting scripts (down migrations, schema files) into statements, and the line each one starts on: the cases of the
 * former {@code SqlScript} splitter, each run in every dialect where its rule holds.
 */
class SqlLexerScriptTest {
    private static final Set<Dialect> ALL = EnumSet.allOf(Dialect.class);
    private static final Set<Dialect> NOT_POSTGRESQL = EnumSet.of(Dialect.MYSQL, Dialect.SQLITE, Dialect.GENERIC);
    private static final Set<Dialect> POSTGRESQL = EnumSet.of(Dialect.POSTGRESQL);
    private static final Set<Dialect> STANDARD_STRINGS =
            EnumSet.of(Dialect.POSTGRESQL, Dialect.SQLITE, Dialect.GENERIC);
    private static final Set<Dialect> MYSQL = EnumSet.of(Dialect.MYSQL);

    private static List<String> sql(String script, Dialect dialect) {
        return SqlLexer.split(script, dialect).stream().map(SqlStatement::text).toList();
    }

    /** Each case once per dialect in its first argument. */
    private static Stream<Arguments> perDialect(Stream<Arguments> cases) {
        return cases.flatMap(c -> {
            Object[] a = c.get();
            @SuppressWarnings("unchecked")
            Set<Dialect> dialects = (Set<Dialect>) a[0];
            return dialects.stream().map(d -> Arguments.of(a[1], d, a[2], a[3]));
        });
    }

    static Stream<Arguments> splits() {
        return perDialect(Stream.of(
                Arguments.of(
                        ALL,
                        "two statements",
                        "DROP TABLE a;\nDROP TABLE b;\n",
                        List.of("DROP TABLE a", "DROP TABLE b")),
                Arguments.of(
                        ALL,
                        "last without semicolon",
                        "DROP TABLE a;\nDROP TABLE b",
                        List.of("DROP TABLE a", "DROP TABLE b")),
                Arguments.of(ALL, "empty statements", ";;\n ; DROP TABLE a;;", List.of("DROP TABLE a")),
                Arguments.of(ALL, "only comments", "-- nothing; here\n/* or; here */\n", List.of()),
                Arguments.of(
                        ALL,
                        "semicolon in single quotes",
                        "INSERT INTO t VALUES ('a;b');\nSELECT 1;",
                        List.of("INSERT INTO t VALUES ('a;b')", "SELECT 1")),
                Arguments.of(
                        ALL,
                        "doubled single quote",
                        "INSERT INTO t VALUES ('it''s; fine');SELECT 2;",
                        List.of("INSERT INTO t VALUES ('it''s; fine')", "SELECT 2")),
                Arguments.of(
                        ALL,
                        "semicolon in double-quoted identifier",
                        "CREATE TABLE \"a;b\" (id INT);DROP TABLE x;",
                        List.of("CREATE TABLE \"a;b\" (id INT)", "DROP TABLE x")),
                Arguments.of(
                        NOT_POSTGRESQL,
                        "semicolon in backticks",
                        "DROP TABLE `a;b`;DROP TABLE c;",
                        List.of("DROP TABLE `a;b`", "DROP TABLE c")),
                Arguments.of(
                        ALL,
                        "line comment with semicolon inside statement",
                        "ALTER TABLE users -- drop it; really\n  DROP COLUMN email;\nSELECT 1;",
                        List.of("ALTER TABLE users -- drop it; really\n  DROP COLUMN email", "SELECT 1")),
                Arguments.of(
                        ALL,
                        "leading line comment with semicolon",
                        "-- undo; everything\nDROP TABLE a;",
                        List.of("DROP TABLE a")),
                Arguments.of(
                        ALL,
                        "block comment with semicolon",
                        "DROP /* a; b */ TABLE a;\n/* c;\n d; */DROP TABLE b;",
                        List.of("DROP /* a; b */ TABLE a", "DROP TABLE b")),
                Arguments.of(
                        POSTGRESQL,
                        "PostgreSQL $$ body",
                        "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  NEW.x := 1;\n  RETURN NEW;\nEND;\n$$"
                                + " LANGUAGE plpgsql;\nDROP TABLE a;",
                        List.of(
                                "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  NEW.x := 1;\n  RETURN NEW;\nEND;\n$$"
                                        + " LANGUAGE plpgsql",
                                "DROP TABLE a")),
                Arguments.of(
                        POSTGRESQL,
                        "PostgreSQL tagged dollar quote containing $$",
                        "DO $body$ BEGIN PERFORM '$$;'; END; $body$;SELECT 1;",
                        List.of("DO $body$ BEGIN PERFORM '$$;'; END; $body$", "SELECT 1")),
                Arguments.of(
                        ALL,
                        "positional parameter is not a dollar quote",
                        "PREPARE p AS SELECT $1;SELECT 2;",
                        List.of("PREPARE p AS SELECT $1", "SELECT 2")),
                Arguments.of(
                        NOT_POSTGRESQL,
                        "SQLite trigger body",
                        "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE b SET n = n + 1;\n  DELETE FROM c;\nEND;\n"
                                + "DROP TABLE a;",
                        List.of(
                                "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE b SET n = n + 1;\n  DELETE FROM c;\nEND",
                                "DROP TABLE a")),
                Arguments.of(
                        NOT_POSTGRESQL,
                        "trigger body with CASE ... END",
                        "create trigger t after update on a begin\n"
                                + "  update b set n = case when new.x then 1 else 2 end;\nend;\nselect 1;",
                        List.of(
                                "create trigger t after update on a begin\n"
                                        + "  update b set n = case when new.x then 1 else 2 end;\nend",
                                "select 1")),
                Arguments.of(
                        ALL,
                        "CASE outside a trigger",
                        "SELECT CASE WHEN 1 THEN 2 END;SELECT 3;",
                        List.of("SELECT CASE WHEN 1 THEN 2 END", "SELECT 3")),
                Arguments.of(
                        ALL,
                        "BEGIN transaction is not a block",
                        "BEGIN;DROP TABLE a;COMMIT;",
                        List.of("BEGIN", "DROP TABLE a", "COMMIT")),
                Arguments.of(
                        ALL,
                        "identifiers that contain keywords",
                        "CREATE TABLE backend (end_date DATE, begin_at DATE);DROP TABLE x;",
                        List.of("CREATE TABLE backend (end_date DATE, begin_at DATE)", "DROP TABLE x"))));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("splits")
    void split_script_yieldsStatementsWithoutTerminators(
            String name, Dialect dialect, String script, List<String> expected) {
        assertThat(sql(script, dialect)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> backslashes() {
        return perDialect(Stream.of(
                Arguments.of(
                        STANDARD_STRINGS,
                        "standard string ending in backslash",
                        "INSERT INTO p VALUES ('C:\\');INSERT INTO p VALUES ('D:\\');",
                        List.of("INSERT INTO p VALUES ('C:\\')", "INSERT INTO p VALUES ('D:\\')")),
                Arguments.of(
                        POSTGRESQL,
                        "PostgreSQL E-string with escaped quote",
                        "SELECT E'it\\'s; ok', e'\\\\';SELECT 2;",
                        List.of("SELECT E'it\\'s; ok', e'\\\\'", "SELECT 2")),
                Arguments.of(
                        MYSQL,
                        "MySQL string with escaped quote",
                        "INSERT INTO t VALUES ('it\\'s; ok', \"a\\\"b;\");SELECT 2;",
                        List.of("INSERT INTO t VALUES ('it\\'s; ok', \"a\\\"b;\")", "SELECT 2")),
                Arguments.of(
                        MYSQL,
                        "MySQL backtick identifier ending in backslash",
                        "DROP TABLE `a\\`;DROP TABLE b;",
                        List.of("DROP TABLE `a\\`", "DROP TABLE b"))));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("backslashes")
    void split_backslashInString_followsTheEngineRules(
            String name, Dialect dialect, String script, List<String> expected) {
        assertThat(SqlLexer.split(script, dialect))
                .extracting(SqlStatement::text)
                .containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void split_statements_reportLineTheyStartOn(Dialect dialect) {
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

        assertThat(SqlLexer.split(script, dialect))
                .extracting(SqlStatement::line)
                .containsExactly(2, 6, 7, 8, 10);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void split_tableNamedLikeTriggerWithBeginColumn_isNotABlock(Dialect dialect) {
        var statements =
                SqlLexer.split("CREATE TABLE trigger_log (id INT, begin INT);\nCREATE TABLE b (id INT);", dialect);

        org.assertj.core.api.Assertions.assertThat(statements).hasSize(2);
    }
}
