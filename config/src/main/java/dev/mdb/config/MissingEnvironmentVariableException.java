package dev.mdb.config;

/**
 * database.yml reads an environment variable that is not set and gives no default ({@code <%= ENV.fetch('X') %>} or
 * {@code ${X}}). The message names the variable, the file and line, and how to fix it.
 */
public class MissingEnvironmentVariableException extends ConfigException {
    private static final long serialVersionUID = 1L;

    private final String variable;

    public MissingEnvironmentVariableException(String variable, String message) {
        super(message);
        this.variable = variable;
    }

    /** The name of the variable that is not set. */
    public String variable() {
        return variable;
    }
}
