package dev.mdb.cli;

import dev.mdb.config.MdbException;

/** mdb's exit codes, documented in {@code mdb --help} and the README. A new code needs a row in both. */
public enum ExitCode {
    OK(0, "success"),
    FAILURE(1, "the task ran and failed (SQL error, failed or pending migration, protected environment)"),
    USAGE(2, "bad command line: unknown task or option, malformed VERSION/STEP"),
    CONFIG(3, "database.yml invalid, or unknown environment, database name or adapter"),
    UNAVAILABLE(4, "cannot connect to or authenticate with a database server"),
    INTERNAL(70, "an unexpected error (a bug in mdb)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The exit code of a failure's category. */
    public static ExitCode of(MdbException.Category category) {
        return switch (category) {
            case FAILURE -> FAILURE;
            case USAGE -> USAGE;
            case CONFIG -> CONFIG;
            case UNAVAILABLE -> UNAVAILABLE;
        };
    }
}
