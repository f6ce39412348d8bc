package dev.mdb.config.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the Ruby inside an ERB tag into {@link ErbToken}s: single- and double-quoted strings, integers, identifiers
 * and the operators {@code || && == != !} with brackets, braces, commas and dots. Anything else is refused, and so
 * is an expression of more than {@link ConfigLimits#MAX_ERB_TOKENS} tokens: the parser and the evaluator recurse, and
 * that bound keeps them far from the end of the stack.
 */
final class ErbLexer {
    private static final List<String> OPERATORS =
            List.of("||", "&&", "==", "!=", "!", "(", ")", "[", "]", "{", "}", ",", ".");

    private final String text;
    private int pos;

    private ErbLexer(String text) {
        this.text = text;
    }

    static List<ErbToken> tokenize(String text) throws ErbSyntaxException {
        return new ErbLexer(text).run();
    }

    private List<ErbToken> run() throws ErbSyntaxException {
        List<ErbToken> tokens = new ArrayList<>();
        while (true) {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos >= text.length()) {
                tokens.add(new ErbToken(ErbToken.Kind.END, "", null));
                return tokens;
            }
            if (tokens.size() == ConfigLimits.MAX_ERB_TOKENS) {
                throw ErbSyntaxException.tooManyTokens();
            }
            tokens.add(next());
        }
    }

    private ErbToken next() throws ErbSyntaxException {
        char c = text.charAt(pos);
        if (c == '\'' || c == '"') {
            return string(c);
        }
        if (Character.isDigit(c)) {
            return integer();
        }
        if (Character.isLetter(c) || c == '_') {
            return identifier();
        }
        for (String operator : OPERATORS) {
            if (text.startsWith(operator, pos)) {
                pos += operator.length();
                return new ErbToken(ErbToken.Kind.PUNCTUATION, operator, null);
            }
        }
        throw new ErbSyntaxException("unexpected character '" + c + "'");
    }

    private ErbToken integer() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        String digits = text.substring(start, pos);
        return new ErbToken(ErbToken.Kind.INTEGER, digits, Long.valueOf(digits.replace("_", "")));
    }

    private ErbToken identifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '?' && !text.startsWith("?:", pos)) {
            pos++;
        }
        return new ErbToken(ErbToken.Kind.IDENTIFIER, text.substring(start, pos), null);
    }

    private ErbToken string(char quote) throws ErbSyntaxException {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return new ErbToken(ErbToken.Kind.STRING, text.substring(start, pos), value.toString());
            }
            if (quote == '"' && c == '#' && pos < text.length() && text.charAt(pos) == '{') {
                throw new ErbSyntaxException("string interpolation");
            }
            if (c == '\\' && pos < text.length()) {
                value.append(escape(quote, text.charAt(pos++)));
            } else {
                value.append(c);
            }
        }
        throw new ErbSyntaxException("unterminated string");
    }

    private static String escape(char quote, char c) {
        if (quote == '\'') {
            return c == '\'' || c == '\\' ? String.valueOf(c) : "\\" + c;
        }
        return switch (c) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case 's' -> " ";
            case '0' -> "\0";
            default -> String.valueOf(c);
        };
    }
}
