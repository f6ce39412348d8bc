package dev.mdb.config.internal;

import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for the Ruby subset real database.yml files use: {@code ENV['X']}, {@code ENV.fetch}
 * (with a default argument or block), {@code ENV.key?}, {@code Rails.env} (and {@code Rails.env.production?}),
 * literals, parentheses, {@code ! == != && ||} with Ruby precedence, and a few methods ({@link RubyValues#METHODS}).
 */
final class ErbParser {
    private static final Set<String> KEY_METHODS = Set.of("key?", "has_key?", "include?", "member?");

    private final List<ErbToken> tokens;
    private int pos;

    private ErbParser(List<ErbToken> tokens) {
        this.tokens = tokens;
    }

    /** Parses one whole expression; anything left over or outside the subset is an {@link ErbSyntaxException}. */
    static ErbNode parse(String expression) throws ErbSyntaxException {
        ErbParser parser = new ErbParser(ErbLexer.tokenize(expression));
        ErbNode node = parser.or();
        if (parser.peek().kind() != ErbToken.Kind.END) {
            throw new ErbSyntaxException("unexpected '" + parser.peek().text() + "'");
        }
        return node;
    }

    private ErbNode or() throws ErbSyntaxException {
        ErbNode node = and();
        while (accept("||")) {
            node = new ErbNode.Or(node, and());
        }
        return node;
    }

    private ErbNode and() throws ErbSyntaxException {
        ErbNode node = equality();
        while (accept("&&")) {
            node = new ErbNode.And(node, equality());
        }
        return node;
    }

    private ErbNode equality() throws ErbSyntaxException {
        ErbNode node = unary();
        if (accept("==")) {
            return new ErbNode.Equals(node, unary(), false);
        }
        if (accept("!=")) {
            return new ErbNode.Equals(node, unary(), true);
        }
        return node;
    }

    private ErbNode unary() throws ErbSyntaxException {
        if (accept("!")) {
            return new ErbNode.Not(unary());
        }
        return postfix(primary());
    }

    private ErbNode postfix(ErbNode receiver) throws ErbSyntaxException {
        ErbNode node = receiver;
        while (accept(".")) {
            String method = expect(ErbToken.Kind.IDENTIFIER).text();
            if (node instanceof ErbNode.RailsEnv && method.endsWith("?") && !RubyValues.METHODS.contains(method)) {
                node = new ErbNode.RailsEnvIs(method.substring(0, method.length() - 1));
            } else if (RubyValues.METHODS.contains(method)) {
                node = new ErbNode.MethodCall(node, method);
            } else {
                throw new ErbSyntaxException("method '" + method + "'");
            }
        }
        return node;
    }

    private ErbNode primary() throws ErbSyntaxException {
        ErbToken token = advance();
        if (token.kind() == ErbToken.Kind.STRING || token.kind() == ErbToken.Kind.INTEGER) {
            return new ErbNode.Literal(token.value());
        }
        if (token.kind() == ErbToken.Kind.IDENTIFIER) {
            return identifier(token.text());
        }
        if (token.is("(")) {
            ErbNode inner = or();
            expectPunctuation(")");
            return inner;
        }
        throw new ErbSyntaxException("unexpected '" + token.text() + "'");
    }

    private ErbNode identifier(String name) throws ErbSyntaxException {
        return switch (name) {
            case "nil" -> new ErbNode.Literal(null);
            case "true" -> new ErbNode.Literal(true);
            case "false" -> new ErbNode.Literal(false);
            case "ENV" -> env();
            case "Rails" -> railsEnv();
            default -> throw new ErbSyntaxException("identifier '" + name + "'");
        };
    }

    private ErbNode railsEnv() throws ErbSyntaxException {
        expectPunctuation(".");
        expectIdentifier("env");
        return new ErbNode.RailsEnv();
    }

    private ErbNode env() throws ErbSyntaxException {
        if (accept("[")) {
            String name = variableName();
            expectPunctuation("]");
            return new ErbNode.EnvLookup(name);
        }
        expectPunctuation(".");
        String method = expect(ErbToken.Kind.IDENTIFIER).text();
        expectPunctuation("(");
        String name = variableName();
        if (KEY_METHODS.contains(method)) {
            expectPunctuation(")");
            return new ErbNode.EnvKey(name);
        }
        if (!method.equals("fetch")) {
            throw new ErbSyntaxException("ENV." + method);
        }
        ErbNode fallback = accept(",") ? or() : null;
        expectPunctuation(")");
        if (fallback == null && accept("{")) {
            fallback = or();
            expectPunctuation("}");
        }
        return new ErbNode.EnvFetch(name, fallback);
    }

    private String variableName() throws ErbSyntaxException {
        return (String) expect(ErbToken.Kind.STRING).value();
    }

    private ErbToken peek() {
        return tokens.get(pos);
    }

    private ErbToken advance() {
        ErbToken token = tokens.get(pos);
        if (token.kind() != ErbToken.Kind.END) {
            pos++;
        }
        return token;
    }

    private boolean accept(String punctuation) {
        ErbToken token = peek();
        if (token.kind() == ErbToken.Kind.PUNCTUATION && token.text().equals(punctuation)) {
            pos++;
            return true;
        }
        return false;
    }

    private ErbToken expect(ErbToken.Kind kind) throws ErbSyntaxException {
        ErbToken token = advance();
        if (token.kind() != kind) {
            throw new ErbSyntaxException("expected " + kind + " but found '" + token.text() + "'");
        }
        return token;
    }

    private void expectPunctuation(String punctuation) throws ErbSyntaxException {
        if (!accept(punctuation)) {
            throw new ErbSyntaxException("expected '" + punctuation + "' but found '" + peek().text() + "'");
        }
    }

    private void expectIdentifier(String identifier) throws ErbSyntaxException {
        ErbToken token = expect(ErbToken.Kind.IDENTIFIER);
        if (!token.text().equals(identifier)) {
            throw new ErbSyntaxException("expected '" + identifier + "' but found '" + token.text() + "'");
        }
    }
}
