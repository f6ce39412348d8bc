package dev.mdb.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.runtime.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Statements end at top-level {@code ;}, across lines; quotes, comments and dollar quotes hide it. */
class ConsoleStatementSplitterTest {

    private static List<Piece> feedLines(Dialect dialect, String... lines) {
        StatementSplitter splitter = new StatementSplitter(dialect);
        List<Piece> pieces = new ArrayList<>();
        for (String line : lines) {
            pieces.addAll(splitter.feed(line + "\n"));
        }
        return pieces;
    }

    private static List<String> texts(List<Piece> pieces) {
        return pieces.stream().map(Piece::text).toList();
    }

    @Test
    void feed_statementAcrossLines_completesAtSemicolon() {
        StatementSplitter splitter = new StatementSplitter(Dialect.SQLITE);

        assertThat(splitter.feed("SELECT *\n")).isEmpty();
        assertThat(splitter.isComplete()).isFalse();
        assertThat(splitter.feed("FROM dogs; SELECT 2;\n"))
                .containsExactly(Piece.sql("SELECT *\nFROM dogs"), Piece.sql("SELECT 2"));
        assertThat(splitter.isComplete()).isTrue();
    }

    @Test
    void feed_semicolonsInQuotesAndComments_doNotEndStatements() {
        List<Piece> pieces = feedLines(
                Dialect.SQLITE,
                "SELECT 'a;b', \"c;d\", `e;f`, [g;h] -- x;y",
                "/* multi-line; comment",
                " still; */ FROM t;");

        assertThat(texts(pieces))
                .containsExactly(
                        "SELECT 'a;b', \"c;d\", `e;f`, [g;h] -- x;y\n/* multi-line; comment\n still; */ FROM t");
    }

    @Test
    void feed_quoteAcrossLines_staysOpenUntilClosed() {
        StatementSplitter splitter = new StatementSplitter(Dialect.POSTGRESQL);

        splitter.feed("INSERT INTO t VALUES ('it''s;\n");
        assertThat(splitter.isComplete()).isFalse();
        assertThat(texts(splitter.feed("two lines');\n")))
                .containsExactly("INSERT INTO t VALUES ('it''s;\ntwo lines')");
    }

    @Test
    void feed_postgresDollarQuotesAndNestedComments_hideSemicolons() {
        List<Piece> pieces = feedLines(
                Dialect.POSTGRESQL,
                "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN; RETURN 1; END; $body$ LANGUAGE plpgsql;",
                "/* outer /* inner; */ still comment; */ SELECT $$a;b$$;");

        assertThat(texts(pieces))
                .containsExactly(
                        "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN; RETURN 1; END; $body$ LANGUAGE plpgsql",
                        "/* outer /* inner; */ still comment; */ SELECT $$a;b$$");
    }

    @Test
    void feed_mysqlBackslashEscapesAndHashComments() {
        List<Piece> pieces = feedLines(Dialect.MYSQL, "SELECT 'a\\';b' # c;d", "FROM t;");

        assertThat(texts(pieces)).containsExactly("SELECT 'a\\';b' # c;d\nFROM t");
    }

    @Test
    void feed_sqliteTrigger_endsOnlyAfterEnd() {
        List<Piece> pieces = feedLines(
                Dialect.SQLITE,
                "CREATE TRIGGER t AFTER INSERT ON dogs BEGIN",
                "  UPDATE dogs SET age = 1;",
                "END;",
                "SELECT 1;");

        assertThat(texts(pieces))
                .containsExactly(
                        "CREATE TRIGGER t AFTER INSERT ON dogs BEGIN\n  UPDATE dogs SET age = 1;\nEND", "SELECT 1");
    }

    @Test
    void feed_lowerCaseTempTrigger_endsOnlyAfterEndInAnyCase() {
        List<Piece> pieces = feedLines(
                Dialect.SQLITE,
                "create temp trigger t after insert on dogs begin",
                "  update dogs set age = 1; -- end;",
                "  select 'end';",
                "End;",
                "SELECT 1;");

        assertThat(texts(pieces))
                .containsExactly(
                        "create temp trigger t after insert on dogs begin\n  update dogs set age = 1; -- end;\n"
                                + "  select 'end';\nEnd",
                        "SELECT 1");
    }

    @Test
    void feed_triggerOnPostgresql_endsAtTheFirstSemicolon() {
        List<Piece> pieces = feedLines(
                Dialect.POSTGRESQL, "CREATE TRIGGER t AFTER INSERT ON dogs FOR EACH ROW EXECUTE FUNCTION f();");

        assertThat(texts(pieces))
                .containsExactly("CREATE TRIGGER t AFTER INSERT ON dogs FOR EACH ROW EXECUTE FUNCTION f()");
    }

    @Test
    void feed_commentOnlyAndEmptyStatements_areDropped() {
        assertThat(feedLines(Dialect.SQLITE, "-- nothing;", ";;", "/* x */ ;")).isEmpty();
    }

    @Test
    void feed_backslashAtStatementStart_isAMetaCommandToEndOfLine() {
        List<Piece> pieces = feedLines(Dialect.SQLITE, "SELECT 1; \\x on", "\\role reading", "SELECT '\\d';");

        assertThat(pieces)
                .containsExactly(
                        Piece.sql("SELECT 1"),
                        Piece.meta("\\x on"),
                        Piece.meta("\\role reading"),
                        Piece.sql("SELECT '\\d'"));
    }

    @Test
    void split_unterminatedLastStatement_isReturned() {
        assertThat(texts(StatementSplitter.split("SELECT 1; SELECT 2 -- tail", Dialect.GENERIC)))
                .containsExactly("SELECT 1", "SELECT 2 -- tail");
        assertThat(StatementSplitter.split("SELECT 1; -- only a comment", Dialect.GENERIC))
                .containsExactly(Piece.sql("SELECT 1"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "SELECT 1;|true",
                "SELECT 1|false",
                "'  '|true",
                "\\dt|true",
                "exit|true",
                "quit|true",
                "SELECT 'a;|false",
                "/* open comment;|false",
                "SELECT 1; -- done|true"
            })
    void isComplete_decidesWhetherEnterRunsTheBuffer(String buffer, boolean complete) {
        assertThat(SqlLineParser.isComplete(buffer, Dialect.POSTGRESQL)).isEqualTo(complete);
    }
}
