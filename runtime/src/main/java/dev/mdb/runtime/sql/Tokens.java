package dev.mdb.runtime.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/** The tokens of one statement with bounds-checked look-ups and matching parentheses. */
final class Tokens {
    private final List<Token> list;
    private final int[] closing;

    Tokens(List<Token> list) {
        this.list = list;
        this.closing = new int[list.size()];
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < list.size(); i++) {
            closing[i] = -1;
            if (list.get(i).isOperator("(")) {
                open.push(i);
            } else if (list.get(i).isOperator(")") && !open.isEmpty()) {
                closing[open.pop()] = i;
            }
        }
        while (!open.isEmpty()) {
            closing[open.pop()] = list.size();
        }
    }

    /**
     * The statements of {@code sql} as the classifier sees them, from {@link SqlLexer}: comments, executable comment
     * marks and terminators dropped, statements without tokens dropped, parenthesis depth counted per statement.
     */
    static List<List<Token>> statements(String sql, Dialect dialect) {
        SqlLexer lexer = SqlLexer.of(sql, dialect);
        List<List<Token>> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        while (lexer.next()) {
            SqlToken.Type type = lexer.type();
            if (type == SqlToken.Type.TERMINATOR) {
                if (!current.isEmpty()) {
                    statements.add(current);
                    current = new ArrayList<>();
                }
                depth = 0;
            } else if (type.isToken()) {
                Token token = Token.of(lexer, depth);
                if (token.isOperator(")")) {
                    depth = Math.max(0, depth - 1);
                    token = new Token(Token.Type.OPERATOR, ")", depth);
                }
                current.add(token);
                if (token.isOperator("(")) {
                    depth++;
                }
            }
        }
        return statements;
    }

    int size() {
        return list.size();
    }

    /** The token at {@code i}, or {@code null} past the end. */
    Token get(int i) {
        return i >= 0 && i < list.size() ? list.get(i) : null;
    }

    /** The upper-case text of the word at {@code i}, or {@code ""} if there is none. */
    String word(int i) {
        Token t = get(i);
        return t != null && t.type() == Token.Type.WORD ? t.text() : "";
    }

    boolean isWord(int i, String upperCaseWord) {
        Token t = get(i);
        return t != null && t.isWord(upperCaseWord);
    }

    boolean isWordIn(int i, Set<String> upperCaseWords) {
        Token t = get(i);
        return t != null && t.type() == Token.Type.WORD && upperCaseWords.contains(t.text());
    }

    boolean isOperator(int i, String operator) {
        Token t = get(i);
        return t != null && t.isOperator(operator);
    }

    /** Whether the words at {@code i}, {@code i+1}, ... are {@code words}. */
    boolean isSequence(int i, String... words) {
        for (int k = 0; k < words.length; k++) {
            if (!isWord(i + k, words[k])) {
                return false;
            }
        }
        return true;
    }

    /** For a {@code (} at {@code i}: the index of its {@code )}, or {@link #size()} if it is never closed. */
    int closing(int i) {
        return closing[i];
    }

    /** The first index at or after {@code i} that is not a {@code (}. */
    int skipOpenParentheses(int i, int to) {
        while (i < to && isOperator(i, "(")) {
            i++;
        }
        return i;
    }

    /** The depth of the token at {@code i}, or -1 past the end. */
    int depth(int i) {
        Token t = get(i);
        return t == null ? -1 : t.depth();
    }
}
