package dev.mdb.tasks;

import dev.mdb.tasks.migrate.MigrationVersion;
import java.util.List;

/**
 * What a migrate run did to one database: versions reverted (VERSION below current), then applied; the pending
 * versions it did not run because the run stopped (a failure elsewhere, or a migration they follow failed); and, for
 * {@code --dry-run}, what it would have done.
 *
 * @param notRun pending versions left, in order; empty when the database is up to date
 * @param planned what a dry run would do, in order; empty for a real run
 * @param dryRun whether this is a dry run's result (nothing ran)
 */
public record MigrateResult(
        List<MigrationVersion> reverted,
        List<MigrationVersion> applied,
        List<MigrationVersion> notRun,
        List<PlannedMigration> planned,
        boolean dryRun) {
    public MigrateResult {
        reverted = List.copyOf(reverted);
        applied = List.copyOf(applied);
        notRun = List.copyOf(notRun);
        planned = List.copyOf(planned);
    }

    public MigrateResult(List<MigrationVersion> reverted, List<MigrationVersion> applied) {
        this(reverted, applied, List.of(), List.of(), false);
    }

    /** A dry run's result: what would run ({@code planned}), nothing changed. */
    public static MigrateResult dryRun(List<PlannedMigration> planned) {
        return new MigrateResult(List.of(), List.of(), List.of(), planned, true);
    }

    /** Nothing reverted or applied. */
    public static MigrateResult none() {
        return new MigrateResult(List.of(), List.of());
    }

    /** Whether the run changed the database. */
    public boolean migrated() {
        return !reverted.isEmpty() || !applied.isEmpty();
    }

    /** How the run ended for this database, for summaries and {@code --format json}. */
    public Outcome outcome() {
        if (dryRun) {
            return planned.isEmpty() ? Outcome.UP_TO_DATE : Outcome.DRY_RUN;
        }
        if (migrated()) {
            return Outcome.MIGRATED;
        }
        return notRun.isEmpty() ? Outcome.UP_TO_DATE : Outcome.NOT_RUN;
    }

    /** How a migrate run ended for one database that did not fail. */
    public enum Outcome {
        /** Migrations ran (some may be left, in {@link #notRun()}). */
        MIGRATED("migrated"),
        /** Nothing was pending. */
        UP_TO_DATE("up_to_date"),
        /** Migrations were pending and none ran, because the run stopped. */
        NOT_RUN("not_run"),
        /** {@code --dry-run}: migrations would run; {@link #planned()} says which. */
        DRY_RUN("dry_run");

        private final String word;

        Outcome(String word) {
            this.word = word;
        }

        /** The word used in JSON and summaries. */
        public String word() {
            return word;
        }
    }
}
