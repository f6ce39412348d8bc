package dev.mdb.cli.output;

import dev.mdb.config.DatabaseConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON document of a task over several databases: {@code {"environment": …, "databases": [{"name", "database",
 * "status": "ok"|"failed", …, "error"}]}}, databases in config order. Field names are documented in the README.
 */
public final class DatabaseResults {
    private DatabaseResults() {}

    /** An entry for one database; {@code failure} null means it succeeded. */
    public static Map<String, Object> entry(DatabaseConfig config, RuntimeException failure) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", config.name());
        entry.put("database", config.database());
        entry.put("status", failure == null ? "ok" : "failed");
        if (failure != null) {
            entry.put("error", failure.getMessage());
        }
        return entry;
    }

    public static String document(String environment, List<Map<String, Object>> databases) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("environment", environment);
        doc.put("databases", databases);
        return Json.write(doc);
    }
}
