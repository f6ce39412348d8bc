package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.cli.output.Json;
import dev.mdb.cli.output.OutputFormat;
import dev.mdb.config.DatabaseConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** db:version: the newest applied migration of each database. */
final class VersionTask extends Task {
    VersionTask() {
        super("db:version", "Retrieve the current schema version number", true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        List<Object> databases = PerDatabase.map(inv, targets(inv, named), config -> {
            String version = inv.tasks().migrations().currentVersion(inv.tasks().adapter(config));
            Map<String, Object> db = new LinkedHashMap<>();
            db.put("name", config.name());
            db.put("database", config.database());
            db.put("version", version);
            if (inv.format() == OutputFormat.TEXT && named != null) {
                inv.reporter().out("Current version: " + version);
            } else if (inv.format() == OutputFormat.TEXT) {
                inv.reporter().out("");
                inv.reporter().out("database: " + config.database());
                inv.reporter().out("Current version: " + version);
                inv.reporter().out("");
            }
            return db;
        });
        if (inv.format() == OutputFormat.JSON) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("environment", inv.env());
            doc.put("databases", databases);
            inv.reporter().out(Json.write(doc));
        }
    }

    @Override
    public String describeFor(String database) {
        return "Retrieve the current schema version number of the %s database".formatted(database);
    }
}
