package dev.mdb.cli.output;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.MigrateResult;
import dev.mdb.tasks.MigrationStatus;
import dev.mdb.tasks.PendingMigration;
import dev.mdb.tasks.PlannedMigration;
import dev.mdb.tasks.ReplicaCheck;
import dev.mdb.tasks.Reporter;
import dev.mdb.tasks.Results;
import dev.mdb.tasks.migrate.MigrationVersion;
import java.util.List;

/**
 * Renders what the facade's verbs return, as text for people ({@link TextResults}) or one JSON document for scripts
 * ({@link JsonResults}). The results of failed databases are left out here; the caller raises their failures after.
 */
public interface ResultReporter {
    /** The renderer for {@code format}, writing to {@code out}'s stdout; {@code env} heads JSON documents. */
    static ResultReporter of(OutputFormat format, Reporter out, String env) {
        return format == OutputFormat.JSON ? new JsonResults(out, env) : new TextResults(out);
    }

    /**
     * db:migrate (text: the banners were printed as each migration ran; a dry run's plan per database, and over several
     * databases a closing summary).
     */
    void migrated(Results<MigrateResult> results);

    /** {@code --dry-run} of db:rollback, db:migrate:up/down/redo on one database: what would run. */
    void planned(DatabaseConfig config, List<PlannedMigration> planned);

    /** db:rollback of one database (text: nothing, the banners were printed). */
    void rolledBack(DatabaseConfig config, List<MigrationVersion> reverted);

    /** db:migrate:status: Rails' table per database. */
    void status(Results<MigrationStatus> results);

    /** db:version; {@code named} for {@code db:version:NAME} (text: the version line alone). */
    void versions(Results<String> results, boolean named);

    /** db:abort_if_pending_migrations and the seeds' check: the pending migrations (text: only when there are any). */
    void pending(List<PendingMigration> pending);

    /** db:replicas: one entry per replica. */
    void replicas(ReplicaCheck check);
}
