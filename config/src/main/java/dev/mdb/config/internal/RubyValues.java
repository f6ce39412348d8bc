package dev.mdb.config.internal;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ruby semantics for the values ERB expressions produce ({@code null} is {@code nil}, then String, Long, Boolean):
 * truthiness, {@code to_s} and the few methods mdb supports.
 */
final class RubyValues {
    /** Methods callable on a value, e.g. {@code ENV['X'].present?}. */
    static final Set<String> METHODS = Set.of("to_s", "to_i", "present?", "blank?", "nil?", "empty?", "presence");

    private static final Pattern LEADING_INTEGER = Pattern.compile("\\s*([+-]?\\d[\\d_]*)");

    private RubyValues() {}

    /** Ruby truthiness: only nil and false are false (an empty string is true). */
    static boolean truthy(Object value) {
        return value != null && !Boolean.FALSE.equals(value);
    }

    /** What {@code <%= value %>} writes: nil is the empty string. */
    static String toS(Object value) {
        return value == null ? "" : value.toString();
    }

    static boolean rubyEquals(Object left, Object right) {
        return Objects.equals(left, right);
    }

    /** ActiveSupport's {@code blank?}: nil, false and whitespace-only strings. */
    static boolean blank(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return true;
        }
        return value instanceof String s && s.isBlank();
    }

    static Object invoke(String method, Object receiver, ErbContext context) {
        return switch (method) {
            case "to_s" -> toS(receiver);
            case "to_i" -> toI(receiver, context);
            case "present?" -> !blank(receiver);
            case "blank?" -> blank(receiver);
            case "nil?" -> receiver == null;
            case "presence" -> blank(receiver) ? null : receiver;
            case "empty?" -> empty(receiver, context);
            default -> throw context.failure("undefined method '" + method + "'");
        };
    }

    private static boolean empty(Object receiver, ErbContext context) {
        if (receiver instanceof String s) {
            return s.isEmpty();
        }
        throw context.failure("undefined method 'empty?' for " + describe(receiver));
    }

    private static Object toI(Object receiver, ErbContext context) {
        if (receiver == null) {
            return 0L;
        }
        if (receiver instanceof Long) {
            return receiver;
        }
        if (receiver instanceof String s) {
            Matcher matcher = LEADING_INTEGER.matcher(s);
            if (!matcher.lookingAt()) {
                return 0L;
            }
            try {
                return Long.valueOf(matcher.group(1).replace("_", ""));
            } catch (NumberFormatException e) {
                throw context.failure("'" + s + "' is too large for to_i");
            }
        }
        throw context.failure("undefined method 'to_i' for " + describe(receiver));
    }

    private static String describe(Object value) {
        return value == null ? "nil" : value.toString();
    }
}
