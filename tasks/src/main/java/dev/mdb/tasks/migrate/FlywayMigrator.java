package dev.mdb.tasks.migrate;

import dev.mdb.tasks.spi.AdapterTasks;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Runs Flyway community's {@code migrate} with Rails' semantics: every pending version runs, also older ones
 * ({@code outOfOrder}); applied versions without a file do not block; each migration prints Rails' banners.
 */
public final class FlywayMigrator {
    private final AdapterTasks adapter;
    private final MigrationOutput output;

    public FlywayMigrator(AdapterTasks adapter, MigrationOutput output) {
        this.adapter = adapter;
        this.output = output;
    }

    /**
     * Applies pending migrations found in {@code locations}, up to {@code target} when not null. Each version applied is
     * added to {@code applied} as it commits, so a caller knows what ran even when a later one fails. Flyway exceptions propagate; {@link MigrationErrors} explains them.
     */
    public void migrate(List<Path> locations, MigrationVersion target, List<MigrationVersion> applied) {
        FluentConfiguration configuration =
                configure(locations).baselineOnMigrate(needsBaseline()).callbacks(new BannerCallback(applied));
        if (target != null) {
            configuration.target(target.text());
        }
        configuration.load().migrate();
    }

    /**
     * Whether the database has tables but no history yet (one that had db:environment:set, or an existing schema
     * adopting mdb): it is then baselined at version 0 and migrated as Rails would, every migration file pending.
     * Decided before Flyway runs rather than with {@code baselineOnMigrate} always on: then a concurrent
     * {@code db:migrate} that has just created the (still empty) history table makes Flyway try to baseline over it and
     * fail with "already exists, and is empty"; without the flag Flyway checks again and waits for that run's lock.
     */
    private boolean needsBaseline() {
        try (Connection c = adapter.connect()) {
            return !SchemaHistory.tableExists(c, SchemaHistory.TABLE) && SchemaHistory.hasTables(c);
        } catch (SQLException e) {
            return false; // Flyway connects next and reports the error as usual.
        }
    }

    /** Removes failed rows and realigns checksums and descriptions with the files (Flyway's repair). */
    public void repair(List<Path> locations) {
        configure(locations).load().repair();
    }

    private FluentConfiguration configure(List<Path> locations) {
        String[] flywayLocations =
                locations.stream().map(p -> "filesystem:" + p.toAbsolutePath()).toArray(String[]::new);
        return Flyway.configure(FlywayMigrator.class.getClassLoader())
                .dataSource(new AdapterDataSource(adapter))
                .locations(flywayLocations)
                .table(SchemaHistory.TABLE)
                .outOfOrder(true)
                .baselineVersion("0")
                .baselineDescription("<< mdb baseline >>")
                .ignoreMigrationPatterns("*:missing", "*:future", "*:ignored")
                .validateMigrationNaming(false)
                .failOnMissingLocations(false)
                .cleanDisabled(true)
                .connectRetries(0);
    }

    /** Prints Rails-style banners around each migration and records what was applied. */
    private final class BannerCallback implements Callback {
        private final List<MigrationVersion> applied;
        private long started;

        BannerCallback(List<MigrationVersion> applied) {
            this.applied = applied;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            MigrationInfo info = context.getMigrationInfo();
            if (info == null || info.getVersion() == null) {
                return;
            }
            MigrationVersion version = new MigrationVersion(info.getVersion().getVersion());
            String className = MigrationFile.className(info.getDescription());
            if (event == Event.BEFORE_EACH_MIGRATE) {
                started = System.nanoTime();
                output.announce(version, className, "migrating");
            } else {
                output.finished(version, className, "migrated", System.nanoTime() - started);
                applied.add(version);
            }
        }

        @Override
        public String getCallbackName() {
            return "mdb-banners";
        }
    }
}
