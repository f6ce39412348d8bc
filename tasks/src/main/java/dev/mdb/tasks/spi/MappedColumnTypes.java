package dev.mdb.tasks.spi;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Standard SQL spellings of Rails' types, with per-engine overrides. */
public final class MappedColumnTypes implements ColumnTypes {
    private static final Map<String, String> STANDARD = Map.ofEntries(
            Map.entry("string", "VARCHAR(255)"),
            Map.entry("text", "TEXT"),
            Map.entry("integer", "INTEGER"),
            Map.entry("bigint", "BIGINT"),
            Map.entry("references", "BIGINT"),
            Map.entry("belongs_to", "BIGINT"),
            Map.entry("float", "DOUBLE PRECISION"),
            Map.entry("decimal", "DECIMAL"),
            Map.entry("numeric", "DECIMAL"),
            Map.entry("boolean", "BOOLEAN"),
            Map.entry("date", "DATE"),
            Map.entry("time", "TIME"),
            Map.entry("datetime", "TIMESTAMP"),
            Map.entry("timestamp", "TIMESTAMP"),
            Map.entry("binary", "BLOB"),
            Map.entry("blob", "BLOB"),
            Map.entry("json", "JSON"));
    private final String primaryKey;
    private final Map<String, String> types;
    private final boolean dropIndexNamesTable;

    public MappedColumnTypes(String primaryKey, Map<String, String> overrides) {
        this(primaryKey, overrides, false);
    }

    public MappedColumnTypes(String primaryKey, Map<String, String> overrides, boolean dropIndexNamesTable) {
        this.primaryKey = primaryKey;
        this.dropIndexNamesTable = dropIndexNamesTable;
        Map<String, String> merged = new HashMap<>(STANDARD);
        merged.putAll(overrides);
        this.types = Map.copyOf(merged);
    }

    @Override
    public String primaryKey() {
        return primaryKey;
    }

    @Override
    public String type(String railsType) {
        return types.get(railsType.toLowerCase(Locale.ROOT));
    }

    @Override
    public String dropIndex(String index, String table) {
        return "DROP INDEX " + index + (dropIndexNamesTable ? " ON " + table : "");
    }
}
