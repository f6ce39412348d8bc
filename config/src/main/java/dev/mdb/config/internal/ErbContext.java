package dev.mdb.config.internal;

import dev.mdb.config.ConfigException;
import dev.mdb.config.MissingEnvironmentVariableException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What an ERB expression is evaluated against ({@code ENV} and {@code Rails.env}) and where it sits, so that a
 * failure names the file, the line and the expression ({@code expression} gives it masked for messages, see
 * {@link TemplateSegment.Tag#shown()}; it is worked out only when a message needs it).
 */
record ErbContext(
        Map<String, String> environment, String railsEnv, String source, int line, Supplier<String> expression) {

    /** A variable read without a default ({@code ENV.fetch('X')}, {@code ${X}}) is not set. */
    MissingEnvironmentVariableException missingVariable(String name, String form, String withDefault) {
        return new MissingEnvironmentVariableException(
                name,
                source + ":" + line + ": environment variable " + name + " is not set and " + form
                        + " has no default. Set " + name + ", or give a default: " + withDefault + ".");
    }

    /** The expression is supported but failed at evaluation (e.g. {@code nil.empty?}). */
    ConfigException failure(String detail) {
        return new ConfigException(
                source + ":" + line + ": ERB expression '" + expression.get() + "' failed: " + detail + ".");
    }
}
