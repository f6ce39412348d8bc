package dev.mdb.config.internal;

/**
 * A parsed ERB expression of the Ruby subset mdb evaluates. Parsing checks every tag, even in branches that are not
 * taken; {@link #evaluate} runs only in the taken ones and yields nil ({@code null}), String, Long or Boolean.
 */
sealed interface ErbNode {

    Object evaluate(ErbContext context);

    /** A string, integer, {@code true}, {@code false} or {@code nil} literal. */
    record Literal(Object value) implements ErbNode {
        @Override
        public Object evaluate(ErbContext context) {
            return value;
        }
    }

    /** {@code ENV['X']}: the value, or nil when unset. */
    record EnvLookup(String name) implements ErbNode {
        @Override
        public Object evaluate(ErbContext context) {
            return context.environment().get(name);
        }
    }

    /** {@code ENV.fetch('X')}, {@code ENV.fetch('X', default)} or {@code ENV.fetch('X') { default }}. */
    record EnvFetch(String name, ErbNode fallback) implements ErbNode {
        @Override
        public Object evaluate(ErbContext context) {
            String value = context.environment().get(name);
            if (value != null) {
                return value;
            }
            if (fallback != null) {
                return fallback.evaluate(context);
            }
            throw context.missingVariable(name, "ENV.fetch('" + name + "')", "ENV.fetch('" + name + "', 'value')");
        }
    }

    /** {@code ENV.key?('X')} and its synonyms. */
    record EnvKey(String name) implements ErbNode {
        @Override
        public Object evaluate(ErbContext context) {
            return context.environment().containsKey(name);
        }
    }

    /** {@code Rails.env}: the environment mdb runs in. */
    record RailsEnv() implements ErbNode {
        @Override
        public Object evaluate(ErbContext context) {
            return context.railsEnv();
        }
    }

    /** {@code Rails.env.production?} and friends. */
    record RailsEnvIs(String env) implements ErbNode {
        @Override
        public Object evaluate(ErbContext context) {
            return env.equals(context.railsEnv());
        }
    }

    /** {@code !operand}. */
    record Not(ErbNode operand) implements ErbNode {
        @Override
        public Object evaluate(ErbContext context) {
            return !RubyValues.truthy(operand.evaluate(context));
        }
    }

    /** {@code left && right}: the first falsy operand, else the right one. */
    record And(ErbNode left, ErbNode right) implements ErbNode {
        @Override
        public Object evaluate(ErbContext context) {
            Object value = left.evaluate(context);
            return RubyValues.truthy(value) ? right.evaluate(context) : value;
        }
    }

    /** {@code left || right}: the first truthy operand, else the right one. */
    record Or(ErbNode left, ErbNode right) implements ErbNode {
        @Override
        public Object evaluate(ErbContext context) {
            Object value = left.evaluate(context);
            return RubyValues.truthy(value) ? value : right.evaluate(context);
        }
    }

    /** {@code left == right} or, when {@code negated}, {@code left != right}. */
    record Equals(ErbNode left, ErbNode right, boolean negated) implements ErbNode {
        @Override
        public Object evaluate(ErbContext context) {
            return RubyValues.rubyEquals(left.evaluate(context), right.evaluate(context)) != negated;
        }
    }

    /** {@code receiver.method}, for one of {@link RubyValues#METHODS}. */
    record MethodCall(ErbNode receiver, String method) implements ErbNode {
        @Override
        public Object evaluate(ErbContext context) {
            return RubyValues.invoke(method, receiver.evaluate(context), context);
        }
    }
}
