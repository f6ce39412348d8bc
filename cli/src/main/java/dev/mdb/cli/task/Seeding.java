package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;
import java.util.List;

/** Runs the seed files of the given databases (db/seeds.sql for the primary, db/NAME_seeds.sql for the others). */
final class Seeding {
    private Seeding() {}

    static void seed(Invocation inv, List<DatabaseConfig> configs) {
        for (DatabaseConfig config : configs) {
            if (inv.tasks().lifecycle().seed(config) && inv.verbose()) {
                inv.reporter().out("Seeded database '" + config.database() + "'");
            }
        }
    }
}
