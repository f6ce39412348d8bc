package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.cli.output.Json;
import dev.mdb.cli.output.OutputFormat;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.MigrationStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** db:migrate:status: Rails' table of up/down migrations per database. */
final class StatusTask extends Task {
    StatusTask() {
        super("db:migrate:status", "Display the status of migrations", true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        List<MigrationStatus> statuses = PerDatabase.map(inv, targets(inv, named), config -> {
            MigrationStatus status = inv.tasks().migrations().status(inv.tasks().adapter(config));
            if (inv.format() == OutputFormat.TEXT) {
                printText(inv, status);
            }
            return status;
        });
        if (inv.format() == OutputFormat.JSON) {
            inv.reporter().out(Json.write(json(inv, statuses)));
        }
    }

    private static void printText(Invocation inv, MigrationStatus status) {
        var r = inv.reporter();
        r.out("");
        r.out("database: " + status.database());
        r.out("");
        r.out(center("Status", 8) + "  " + pad("Migration ID", 14) + "  Migration Name");
        r.out("-".repeat(50));
        for (MigrationStatus.Row row : status.rows()) {
            r.out(center(row.status(), 8) + "  " + pad(row.version(), 14) + "  " + row.name());
        }
        r.out("");
    }

    private static Map<String, Object> json(Invocation inv, List<MigrationStatus> statuses) {
        List<Object> databases = new ArrayList<>();
        for (MigrationStatus status : statuses) {
            List<Object> rows = new ArrayList<>();
            for (MigrationStatus.Row row : status.rows()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("status", row.status());
                m.put("version", row.version());
                m.put("name", row.name());
                rows.add(m);
            }
            Map<String, Object> db = new LinkedHashMap<>();
            db.put("name", status.name());
            db.put("database", status.database());
            db.put("migrations", rows);
            databases.add(db);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("environment", inv.env());
        doc.put("databases", databases);
        return doc;
    }

    /** Ruby's String#center: extra padding goes to the right. */
    static String center(String s, int width) {
        int total = Math.max(0, width - s.length());
        int left = total / 2;
        return " ".repeat(left) + s + " ".repeat(total - left);
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    @Override
    public String describeFor(String database) {
        return "Display the status of migrations for the %s database".formatted(database);
    }
}
