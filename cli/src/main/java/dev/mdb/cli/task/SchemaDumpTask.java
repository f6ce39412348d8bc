package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;
import java.util.List;

/** db:schema:dump: Create a database schema file (db/schema.sql, db/NAME_schema.sql; schema_format: sql or structure). */
final class SchemaDumpTask extends Task {
    SchemaDumpTask() {
        super(
                "db:schema:dump",
                "Create a database schema file (db/schema.sql, db/NAME_schema.sql; schema_format: sql or structure)",
                true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        PerDatabase.run(
                inv,
                inv.tasks().schemas().oneConfigPerFile(targets(inv, named)),
                config -> inv.tasks().schemas().dump(List.of(config)));
    }

    @Override
    public String describeFor(String database) {
        return "Create the schema file of the %s database".formatted(database);
    }
}
