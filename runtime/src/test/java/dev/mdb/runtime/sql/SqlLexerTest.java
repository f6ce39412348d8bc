package dev.mdb.runtime.sql;

import static dev.mdb.runtime.sql.Dialect.GENERIC;
import static dev.mdb.runtime.sql.Dialect.MYSQL;
import static dev.mdb.runtime.sql.Dialect.POSTGRESQL;
import static dev.mdb.runtime.sql.Dialect.SQLITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lexer's rules, once per dialect where they differ: lexemes (rendered {@code TYPE text}, joined by {@code |}),
 * statements, incremental feeding, offsets and lines.
 */
class SqlLexerTest {

    private static String lexemes(String sql, Dialect dialect) {
        return SqlLexer.tokens(sql, dialect).stream()
                .map(t -> t.type() + " " + t.text(sql))
                .collect(Collectors.joining(" | "));
    }

    private static List<String> statements(String sql, Dialect dialect) {
        return SqlLexer.split(sql, dialect).stream().map(SqlStatement::text).toList();
    }

    static Stream<Arguments> lexemeRules() {
        return Stream.of(
                // -- comments: everywhere, but on MySQL only before whitespace (or the end); # only on MySQL
                arguments(POSTGRESQL, "a--b\nc", "WORD a | LINE_COMMENT --b | WORD c | TERMINATOR "),
                arguments(SQLITE, "a--b", "WORD a | LINE_COMMENT --b | TERMINATOR "),
                arguments(MYSQL, "a--b", "WORD a | OPERATOR - | OPERATOR - | WORD b | TERMINATOR "),
                arguments(MYSQL, "a-- b\rc", "WORD a | LINE_COMMENT -- b | WORD c | TERMINATOR "),
                arguments(MYSQL, "a--", "WORD a | LINE_COMMENT -- | TERMINATOR "),
                arguments(MYSQL, "a # b;\nc", "WORD a | LINE_COMMENT # b; | WORD c | TERMINATOR "),
                arguments(GENERIC, "a # b", "WORD a | OPERATOR # | WORD b | TERMINATOR "),
                // block comments nest only on PostgreSQL; unterminated ones run to the end
                arguments(POSTGRESQL, "/* a /* b */ c */ d", "BLOCK_COMMENT /* a /* b */ c */ | WORD d | TERMINATOR "),
                arguments(
                        GENERIC,
                        "/* a /* b */ c */ d",
                        "BLOCK_COMMENT /* a /* b */ | WORD c | OPERATOR * | OPERATOR / | WORD d | TERMINATOR "),
                arguments(SQLITE, "x /* open; ", "WORD x | BLOCK_COMMENT /* open;  | TERMINATOR "),
                // MySQL executable comments: the content is SQL
                arguments(
                        MYSQL,
                        "/*!50003 DROP t */ /*M!100301 x*/",
                        "EXECUTABLE_MARK /*!50003 | WORD DROP | WORD t | EXECUTABLE_MARK */"
                                + " | EXECUTABLE_MARK /*M!100301 | WORD x | EXECUTABLE_MARK */ | TERMINATOR "),
                arguments(POSTGRESQL, "/*!50003 DROP t */", "BLOCK_COMMENT /*!50003 DROP t */"),
                // quotes: doubled quote inside; "..." is an identifier except on MySQL
                arguments(SQLITE, "'it''s' \"a\"\"b\"", "STRING 'it''s' | QUOTED_IDENTIFIER \"a\"\"b\" | TERMINATOR "),
                arguments(MYSQL, "\"a\"", "STRING \"a\" | TERMINATOR "),
                arguments(POSTGRESQL, "'open", "STRING 'open | TERMINATOR "),
                // backslash escapes: MySQL strings, PostgreSQL E'...' only
                arguments(MYSQL, "'a\\'b' \"c\\\"d\"", "STRING 'a\\'b' | STRING \"c\\\"d\" | TERMINATOR "),
                arguments(MYSQL, "`a\\` b", "QUOTED_IDENTIFIER `a\\` | WORD b | TERMINATOR "),
                arguments(POSTGRESQL, "'a\\' b", "STRING 'a\\' | WORD b | TERMINATOR "),
                arguments(POSTGRESQL, "E'a\\'b' e'c'", "STRING E'a\\'b' | STRING e'c' | TERMINATOR "),
                arguments(GENERIC, "E'a\\' b", "WORD E | STRING 'a\\' | WORD b | TERMINATOR "),
                // backticks: not PostgreSQL; brackets: SQLite and generic
                arguments(POSTGRESQL, "`a`", "OPERATOR ` | WORD a | OPERATOR ` | TERMINATOR "),
                arguments(GENERIC, "`a;b` [c;d]", "QUOTED_IDENTIFIER `a;b` | QUOTED_IDENTIFIER [c;d] | TERMINATOR "),
                arguments(MYSQL, "[a]", "OPERATOR [ | WORD a | OPERATOR ] | TERMINATOR "),
                // dollar quotes (PostgreSQL): $$, $tag$, not after an identifier character; $1 is a parameter
                arguments(
                        POSTGRESQL,
                        "$$a;$b$$ $t$ $$ $t$ $1",
                        "STRING $$a;$b$$ | STRING $t$ $$ $t$ | PARAMETER $1 | TERMINATOR "),
                arguments(POSTGRESQL, "a$$b$$", "WORD a$$b$$ | TERMINATOR "),
                arguments(POSTGRESQL, "$x", "OPERATOR $ | WORD x | TERMINATOR "),
                arguments(POSTGRESQL, "$t$ open", "STRING $t$ open | TERMINATOR "),
                arguments(SQLITE, "$$a $name", "PARAMETER $$a | PARAMETER $name | TERMINATOR "),
                // parameters and variables
                arguments(
                        GENERIC,
                        "? ?2 :name a::int x:=1",
                        "PARAMETER ? | PARAMETER ?2 | PARAMETER :name | WORD a"
                                + " | OPERATOR :: | WORD int | WORD x | OPERATOR := | NUMBER 1 | TERMINATOR "),
                arguments(
                        MYSQL,
                        "@x @@global.y @'a b'",
                        "VARIABLE @x | VARIABLE @@global.y | VARIABLE @'a b' | TERMINATOR "),
                arguments(POSTGRESQL, "@x", "OPERATOR @ | WORD x | TERMINATOR "),
                // terminators, numbers, operators
                arguments(GENERIC, "1.5e3;;", "NUMBER 1.5e3 | TERMINATOR ; | TERMINATOR ;"),
                arguments(GENERIC, "a<=b", "WORD a | OPERATOR < | OPERATOR = | WORD b | TERMINATOR "));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("lexemeRules")
    void tokens_eachDialectRule_lexesAsDecided(Dialect dialect, String sql, String expected) {
        assertThat(lexemes(sql, dialect)).isEqualTo(expected);
    }

    static Stream<Arguments> splitRules() {
        String trigger = "CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET n = 1; DELETE FROM c; END";
        String mysqlProcedure = "CREATE DEFINER=`root`@`localhost` PROCEDURE p() BEGIN DECLARE x INT;"
                + " IF x THEN SELECT 1; END IF; CASE x WHEN 1 THEN SELECT 2; END CASE;"
                + " l: LOOP LEAVE l; END LOOP; WHILE x DO SET x = 0; END WHILE; REPEAT SET x = 1; UNTIL x END REPEAT;"
                + " BEGIN SELECT CASE WHEN x THEN 1 END; END; END";
        String atomic = "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1;"
                + " SELECT CASE WHEN true THEN 2 END; END";
        return Stream.of(
                arguments(SQLITE, trigger + ";SELECT 1;", List.of(trigger, "SELECT 1")),
                arguments(MYSQL, trigger + ";SELECT 1;", List.of(trigger, "SELECT 1")),
                arguments(GENERIC, trigger + ";SELECT 1;", List.of(trigger, "SELECT 1")),
                arguments(
                        POSTGRESQL,
                        trigger + ";",
                        List.of("CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET n = 1", "DELETE FROM c", "END")),
                arguments(
                        SQLITE,
                        "create temp trigger t before delete on a when old.x = case when 1 then 2 end begin"
                                + " select raise(abort, 'no;'); end; select 2;",
                        List.of(
                                "create temp trigger t before delete on a when old.x = case when 1 then 2 end begin"
                                        + " select raise(abort, 'no;'); end",
                                "select 2")),
                arguments(MYSQL, mysqlProcedure + ";SELECT 3;", List.of(mysqlProcedure, "SELECT 3")),
                arguments(
                        MYSQL,
                        "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t; END;SELECT 1;",
                        List.of("CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t; END", "SELECT 1")),
                arguments(POSTGRESQL, atomic + ";SELECT 3;", List.of(atomic, "SELECT 3")),
                arguments(
                        POSTGRESQL,
                        "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql;"
                                + "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW EXECUTE FUNCTION f();SELECT 1",
                        List.of(
                                "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql",
                                "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW EXECUTE FUNCTION f()",
                                "SELECT 1")),
                arguments(
                        SQLITE,
                        "CREATE TABLE trigger_log (id INT, begin INT); CREATE TABLE b (id INT);",
                        List.of("CREATE TABLE trigger_log (id INT, begin INT)", "CREATE TABLE b (id INT)")),
                arguments(SQLITE, "BEGIN; SELECT 1; END;", List.of("BEGIN", "SELECT 1", "END")),
                // MySQL client DELIMITER: a line at statement start; the directive itself is no statement
                arguments(
                        MYSQL,
                        "DELIMITER //\nCREATE PROCEDURE p() SELECT 1; SELECT 2//\ndelimiter ;\nSELECT 3;",
                        List.of("CREATE PROCEDURE p() SELECT 1; SELECT 2", "SELECT 3")),
                arguments(
                        MYSQL,
                        "DELIMITER ;;\n/*!50003 CREATE*/ /*!50003 TRIGGER t BEFORE INSERT ON a FOR EACH ROW"
                                + " SET NEW.x = 1 */;;\nDELIMITER ;\nSELECT 1",
                        List.of(
                                "/*!50003 CREATE*/ /*!50003 TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET NEW.x = 1 */",
                                "SELECT 1")),
                arguments(MYSQL, "SELECT 1; DELIMITER //", List.of("SELECT 1")),
                arguments(POSTGRESQL, "DELIMITER //\nSELECT 1//", List.of("DELIMITER //\nSELECT 1//")),
                // comment-only and empty statements are dropped; leading comments are not part of the text
                arguments(GENERIC, "-- a;\n/* b; */ ;; SELECT /* c */ 1 -- d\n;", List.of("SELECT /* c */ 1 -- d")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("splitRules")
    void split_bodiesAndDelimiters_endStatementsAsDecided(Dialect dialect, String script, List<String> expected) {
        assertThat(statements(script, dialect)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> everyCase() {
        return Stream.concat(
                lexemeRules().map(a -> arguments(a.get()[0], a.get()[1])),
                splitRules().map(a -> arguments(a.get()[0], a.get()[1])));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyCase")
    void feed_inChunksOrLines_lexesAsTheWholeText(Dialect dialect, String sql) {
        List<String> whole = SqlLexer.tokens(sql, dialect, SqlLexer.Input.SCRIPT).stream()
                .map(t -> t.type() + "@" + t.start() + "-" + t.end())
                .toList();

        for (int chunk : new int[] {1, 2, 3, 7}) {
            SqlLexer lexer = SqlLexer.incremental(dialect, SqlLexer.Input.SCRIPT);
            List<String> fed = new ArrayList<>();
            for (int i = 0; i < sql.length(); i += chunk) {
                lexer.feed(sql.substring(i, Math.min(sql.length(), i + chunk)));
                drain(lexer, fed);
            }
            lexer.finish();
            drain(lexer, fed);

            assertThat(fed).as("fed %d characters at a time", chunk).isEqualTo(whole);
        }
    }

    private static void drain(SqlLexer lexer, List<String> into) {
        while (lexer.next()) {
            into.add(lexer.type() + "@" + lexer.start() + "-" + lexer.end());
        }
    }

    @Test
    void split_statements_reportOffsetsAndStartLines() {
        String script = "-- head\nSELECT 1;\n\n  /* x\n */ UPDATE t\n SET a = 'b\n';SELECT 2";

        List<SqlStatement> statements = SqlLexer.split(script, GENERIC);

        assertThat(statements)
                .containsExactly(
                        new SqlStatement("SELECT 1", 8, 16, 2),
                        new SqlStatement("UPDATE t\n SET a = 'b\n'", 30, 52, 5),
                        new SqlStatement("SELECT 2", 53, 61, 7));
        assertThat(script.substring(30, 52)).isEqualTo(statements.get(1).text());
    }

    @Test
    void feed_lineByLine_reportsAbsoluteOffsetsAndLines() {
        SqlLexer lexer = SqlLexer.incremental(SQLITE, SqlLexer.Input.SCRIPT);
        List<String> seen = new ArrayList<>();
        for (String line : List.of("SELECT 1;", "-- note", "SELECT", "  2;")) {
            lexer.feedLine(line);
            while (lexer.next()) {
                if (lexer.type() == SqlToken.Type.TERMINATOR) {
                    seen.add(lexer.text(lexer.statementFrom(), lexer.statementEnd()) + " @" + lexer.statementStart()
                            + " line " + lexer.statementLine());
                }
            }
        }

        assertThat(seen).containsExactly("SELECT 1 @0 line 1", "-- note\nSELECT\n  2 @18 line 3");
    }

    @Test
    void feed_openLexemes_areReportedAsAStatementUnderWay() {
        SqlLexer lexer = SqlLexer.incremental(POSTGRESQL, SqlLexer.Input.CONSOLE);

        lexer.feedLine("SELECT $$ a;");
        assertThat(lexer.next()).isTrue();
        assertThat(lexer.next()).isFalse();
        assertThat(lexer.inStatement()).isTrue();
        lexer.feedLine("$$; -- done");
        while (lexer.next()) {
            // read up to the comment
        }
        assertThat(lexer.inStatement()).isFalse();
        lexer.feedLine("/* open");
        assertThat(lexer.next()).isFalse();
        assertThat(lexer.inStatement()).isTrue();
    }

    @Test
    void feed_metaCommandsWhenAsked_runToTheEndOfTheirLine() {
        SqlLexer lexer = SqlLexer.incremental(SQLITE, SqlLexer.Input.CONSOLE);
        lexer.feedLine("SELECT 1; \\x 'on");
        lexer.feedLine("SELECT '\\d';");
        List<String> seen = new ArrayList<>();
        drain(lexer, seen);

        assertThat(seen)
                .containsExactly(
                        "WORD@0-6",
                        "NUMBER@7-8",
                        "TERMINATOR@8-9",
                        "META_COMMAND@10-16",
                        "WORD@17-23",
                        "STRING@24-28",
                        "TERMINATOR@28-29");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void tokens_backslashOutsideTheConsole_isAnOperator(Dialect dialect) {
        assertThat(lexemes("\\x", dialect)).isEqualTo("OPERATOR \\ | WORD x | TERMINATOR ");
        assertThat(SqlLexer.tokens("\\x", dialect, SqlLexer.Input.SCRIPT)).hasSize(3);
    }

    @Test
    void tokens_delimiterInServerText_isNoDirective() {
        String sql = "DELIMITER //\nSELECT 1; SELECT 2//";

        assertThat(lexemes(sql, MYSQL))
                .isEqualTo("WORD DELIMITER | OPERATOR / | OPERATOR / | WORD SELECT | NUMBER 1 | TERMINATOR ;"
                        + " | WORD SELECT | NUMBER 2 | OPERATOR / | OPERATOR / | TERMINATOR ");
        assertThat(SqlLexer.tokens(sql, MYSQL, SqlLexer.Input.SCRIPT))
                .extracting(SqlToken::type)
                .containsExactly(
                        SqlToken.Type.DELIMITER,
                        SqlToken.Type.WORD,
                        SqlToken.Type.NUMBER,
                        SqlToken.Type.OPERATOR,
                        SqlToken.Type.WORD,
                        SqlToken.Type.NUMBER,
                        SqlToken.Type.TERMINATOR);
    }

    @Test
    void classify_delimiterTheServerSkips_doesNotHideAStatement() {
        // MySQL skips a comment gated on a version newer than itself, so it would run the DELETE.
        String sql = "/*!99999 DELIMITER //\n*/ SELECT 1; DELETE FROM t";

        assertThat(Tokens.statements(sql, MYSQL)).hasSize(2);
        assertThat(Tokens.statements(sql, MYSQL).get(1).get(0).text()).isEqualTo("DELETE");
        assertThat(StatementClassifier.forDialect(MYSQL).classify(sql)).isEqualTo(StatementKind.UNKNOWN);
    }

    static Stream<Arguments> values() {
        return Stream.of(
                arguments(POSTGRESQL, "'it''s'", "it's"),
                arguments(POSTGRESQL, "E'a\\'b'", "a'b"),
                arguments(POSTGRESQL, "$t$ x $t$", " x "),
                arguments(POSTGRESQL, "$t$ open", " open"),
                arguments(POSTGRESQL, "\"a\"\"b\"", "a\"b"),
                arguments(MYSQL, "'a\\'b'", "a'b"),
                arguments(MYSQL, "`a``b`", "a`b"),
                arguments(MYSQL, "@'x''y'", "@x'y"),
                arguments(SQLITE, "[a b]", "a b"),
                arguments(SQLITE, "'open", "open"),
                arguments(GENERIC, "Word", "Word"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("values")
    void value_quotedLexemes_areUnquotedAndUnescaped(Dialect dialect, String sql, String expected) {
        assertThat(SqlLexer.tokens(sql, dialect).get(0).value(sql, dialect)).isEqualTo(expected);
    }

    @Test
    void feed_onALexerOfAGivenText_isRefused() {
        assertThatThrownBy(() -> SqlLexer.of("SELECT 1", GENERIC).feed("x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void dialect_switchedBetweenStatements_appliesToWhatFollows() {
        SqlLexer lexer = SqlLexer.incremental(POSTGRESQL, SqlLexer.Input.SCRIPT);
        lexer.feedLine("SELECT $$a;b$$;");
        List<String> seen = new ArrayList<>();
        drain(lexer, seen);
        lexer.dialect(MYSQL);
        lexer.feedLine("SELECT 'a\\';b' # c;");
        lexer.finish();
        drain(lexer, seen);

        assertThat(seen)
                .containsExactly(
                        "WORD@0-6",
                        "STRING@7-14",
                        "TERMINATOR@14-15",
                        "WORD@16-22",
                        "STRING@23-30",
                        "LINE_COMMENT@31-35",
                        "TERMINATOR@36-36");
    }
}
