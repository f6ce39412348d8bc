package dev.mdb.tasks.migrate;

/**
 * One row of the migration history table ({@code flyway_schema_history}, Flyway's layout).
 *
 * @param version null for rows without one
 * @param type {@code SQL} for a migration, {@code BASELINE} for the baseline row
 * @param script the file, relative to its migrations path
 * @param checksum null for the baseline
 * @param executionTime milliseconds; {@link #STARTED} while a migration that cannot roll back is running (a row left
 *     so after a crash means the run was interrupted)
 */
public record HistoryRow(
        int rank,
        MigrationVersion version,
        String description,
        String type,
        String script,
        Integer checksum,
        int executionTime,
        boolean success) {
    /** The execution time of a row written before a migration that cannot roll back starts. */
    public static final int STARTED = -1;

    /** A migration row (not the baseline). */
    public boolean isMigration() {
        return version != null && "SQL".equals(type);
    }

    /** The run of this migration was cut off (crash, kill, lost connection) before it could say how it ended. */
    public boolean interrupted() {
        return !success && executionTime == STARTED;
    }
}
