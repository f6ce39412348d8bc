package dev.mdb.config;

import java.util.List;

/** A database name given on the command line is not a configuration of the current environment. */
public class UnknownDatabaseNameException extends ConfigException {
    private static final long serialVersionUID = 1L;

    public UnknownDatabaseNameException(String env, String name, List<String> known) {
        super("unknown database '" + name + "' in environment '" + env + "'. Known databases: "
                + (known.isEmpty() ? "(none)" : String.join(", ", known)) + ".");
    }
}
