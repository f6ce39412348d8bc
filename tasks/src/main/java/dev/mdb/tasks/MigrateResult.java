package dev.mdb.tasks;

import dev.mdb.tasks.migrate.MigrationVersion;
import java.util.List;

/** What a migrate run did to one database: versions reverted (VERSION below current), then applied. */
public record MigrateResult(List<MigrationVersion> reverted, List<MigrationVersion> applied) {
    public MigrateResult {
        reverted = List.copyOf(reverted);
        applied = List.copyOf(applied);
    }

    /** Nothing reverted or applied. */
    public static MigrateResult none() {
        return new MigrateResult(List.of(), List.of());
    }
}
