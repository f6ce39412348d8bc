package dev.mdb.tasks;

import java.util.List;

/** {@code db:migrate:status} of one database: rows in version order. */
public record MigrationStatus(String name, String database, List<Row> rows) {
    public static final String NO_FILE = "********** NO FILE **********";

    public MigrationStatus {
        rows = List.copyOf(rows);
    }

    /** {@code status} is {@code up} or {@code down}; {@code name} is Rails' humanized name or {@link #NO_FILE}. */
    public record Row(String status, String version, String name) {}
}
