package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;

/** db:schema:dump: writes the schema file of each database; shards sharing one file write it once. */
final class SchemaDumpTask extends Task {
    SchemaDumpTask() {
        super(
                "db:schema:dump",
                "Create a database schema file (db/schema.sql, db/NAME_schema.sql; schema_format: sql or structure)",
                true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        inv.tasks().dumpSchema(targets(inv, named));
    }

    @Override
    public String describeFor(String database) {
        return "Create the schema file of the %s database".formatted(database);
    }
}
