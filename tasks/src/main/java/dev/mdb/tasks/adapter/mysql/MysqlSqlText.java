package dev.mdb.tasks.adapter.mysql;

import dev.mdb.runtime.sql.Dialect;
import dev.mdb.runtime.sql.SqlLexer;
import dev.mdb.runtime.sql.SqlToken;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Small normalisers over the DDL that MySQL/MariaDB print ({@code SHOW CREATE …}), walking the lexemes {@link
 * SqlLexer} finds with MySQL's rules: strings {@code '…'} and {@code "…"} (a backslash escapes, a doubled quote is a
 * quote), identifiers {@code `…`} (a doubled backtick is a backtick), comments.
 */
final class MysqlSqlText {
    private MysqlSqlText() {}

    /** {@code name} as a backquoted identifier. */
    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /**
     * Removes every qualification with {@code database} ({@code `db`.`t`} becomes {@code `t`}), outside strings, so
     * that the DDL loads into a database of another name.
     */
    static String stripQualifier(String sql, String database) {
        String qualifier = quote(database);
        List<SqlToken> lexemes = lex(sql);
        StringBuilder out = new StringBuilder(sql.length());
        int done = 0;
        for (int i = 0; i + 2 < lexemes.size(); i++) {
            SqlToken name = lexemes.get(i);
            boolean isQualifier = name.type() == SqlToken.Type.QUOTED_IDENTIFIER
                    && name.end() - name.start() == qualifier.length()
                    && sql.startsWith(qualifier, name.start());
            if (isQualifier
                    && isOperator(sql, lexemes.get(i + 1), '.', name.end())
                    && lexemes.get(i + 2).type() == SqlToken.Type.QUOTED_IDENTIFIER
                    && lexemes.get(i + 2).start() == name.end() + 1) {
                out.append(sql, done, name.start());
                done = name.end() + 1;
                i++;
            }
        }
        return out.append(sql, done, sql.length()).toString();
    }

    /** Removes {@code " " + option + "=<digits>"} outside strings (e.g. the table option {@code AUTO_INCREMENT=42}). */
    static String removeNumericOption(String sql, String option) {
        List<SqlToken> lexemes = lex(sql);
        StringBuilder out = new StringBuilder(sql.length());
        int done = 0;
        for (int i = 0; i + 2 < lexemes.size(); i++) {
            SqlToken word = lexemes.get(i);
            SqlToken value = lexemes.get(i + 2);
            if (word.type() == SqlToken.Type.WORD
                    && word.start() > 0
                    && sql.charAt(word.start() - 1) == ' '
                    && word.text(sql).equals(option)
                    && isOperator(sql, lexemes.get(i + 1), '=', word.end())
                    && value.type() == SqlToken.Type.NUMBER
                    && value.start() == word.end() + 1
                    && value.text(sql).chars().allMatch(Character::isDigit)) {
                out.append(sql, done, word.start() - 1);
                done = value.end();
            }
        }
        return out.append(sql, done, sql.length()).toString();
    }

    /** The index of the parenthesis closing the one at {@code open}, or -1. */
    static int matchingParen(String s, int open) {
        int depth = 0;
        for (SqlToken lexeme : lex(s)) {
            if (lexeme.start() < open || lexeme.type() != SqlToken.Type.OPERATOR) {
                continue;
            }
            if (s.charAt(lexeme.start()) == '(') {
                depth++;
            } else if (s.charAt(lexeme.start()) == ')' && --depth == 0) {
                return lexeme.start();
            }
        }
        return -1;
    }

    /** {@code body} split at the commas outside parentheses and quotes, each part trimmed. */
    static List<String> splitTopLevel(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (SqlToken lexeme : lex(body)) {
            if (lexeme.type() != SqlToken.Type.OPERATOR) {
                continue;
            }
            char c = body.charAt(lexeme.start());
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(body.substring(start, lexeme.start()).trim());
                start = lexeme.end();
            }
        }
        String last = body.substring(start).trim();
        if (!last.isEmpty()) {
            parts.add(last);
        }
        return parts;
    }

    /** The name of the backquoted identifier at {@code start} (which must be a backtick), unescaped. */
    static String identifierAt(String s, int start) {
        SqlLexer lexer = SqlLexer.of(s.substring(start), Dialect.MYSQL);
        lexer.next();
        return lexer.value();
    }

    /** The index just past the lexeme (a quoted identifier, say) starting at {@code start}. */
    static int lexemeEnd(String s, int start) {
        SqlLexer lexer = SqlLexer.of(s.substring(start), Dialect.MYSQL);
        return lexer.next() ? start + lexer.end() : s.length();
    }

    /**
     * The names among {@code candidates} that {@code select} uses as unqualified table names: backquoted identifiers
     * not next to a {@code .} (columns print as {@code `t`.`c`}, other databases' tables as {@code `db`.`t`}) and not
     * right after {@code AS} (an alias).
     */
    static Set<String> tableReferences(String select, Set<String> candidates) {
        Set<String> out = new LinkedHashSet<>();
        List<SqlToken> lexemes = lex(select);
        for (int i = 0; i < lexemes.size(); i++) {
            SqlToken lexeme = lexemes.get(i);
            if (lexeme.type() != SqlToken.Type.QUOTED_IDENTIFIER) {
                continue;
            }
            SqlToken before = i > 0 ? lexemes.get(i - 1) : null;
            SqlToken after = i + 1 < lexemes.size() ? lexemes.get(i + 1) : null;
            boolean qualified = (before != null && isOperator(select, before, '.', lexeme.start() - 1))
                    || (after != null && isOperator(select, after, '.', lexeme.end()));
            boolean alias = before != null
                    && before.type() == SqlToken.Type.WORD
                    && before.text(select).equalsIgnoreCase("AS");
            String name = lexeme.value(select, Dialect.MYSQL);
            if (!qualified && !alias && candidates.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    private static List<SqlToken> lex(String sql) {
        return SqlLexer.tokens(sql, Dialect.MYSQL);
    }

    /** Whether {@code lexeme} is the one-character operator {@code operator} at offset {@code at}. */
    private static boolean isOperator(String sql, SqlToken lexeme, char operator, int at) {
        return lexeme.type() == SqlToken.Type.OPERATOR && lexeme.start() == at && sql.charAt(at) == operator;
    }
}
