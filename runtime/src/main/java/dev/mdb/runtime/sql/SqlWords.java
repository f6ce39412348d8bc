package dev.mdb.runtime.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of SQL text as plain strings, for rules that match statement shapes ({@code CREATE INDEX CONCURRENTLY
 * …}): comments dropped, unquoted words in ASCII upper case, quoted identifiers and strings by their value, anything
 * else as written. Statement terminators are kept as {@code ;}.
 */
public final class SqlWords {
    private SqlWords() {}

    public static List<String> of(CharSequence sql, Dialect dialect) {
        List<String> words = new ArrayList<>();
        for (SqlToken token : SqlLexer.tokens(sql, dialect)) {
            switch (token.type()) {
                case WORD -> words.add(Token.asciiUpper(token.text(sql)));
                case QUOTED_IDENTIFIER, STRING -> words.add(token.value(sql, dialect));
                case TERMINATOR -> {
                    if (token.end() > token.start()) {
                        words.add(";");
                    }
                }
                default -> {
                    if (token.type().isToken()) {
                        words.add(token.text(sql));
                    }
                }
            }
        }
        return words;
    }
}
