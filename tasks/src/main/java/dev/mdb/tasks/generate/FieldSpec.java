package dev.mdb.tasks.generate;

import dev.mdb.tasks.InvalidArgumentException;
import dev.mdb.tasks.spi.ColumnTypes;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code name:type{limit}:index} argument of the generator, as Rails' generators read it. */
record FieldSpec(String name, String type, String limit, String index) {
    private static final Pattern FIELD =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?::([a-z_]+)(?:\\{([0-9, ]+)})?)?(?::(index|uniq))?");

    static FieldSpec parse(String arg) {
        Matcher m = FIELD.matcher(arg);
        if (!m.matches()) {
            throw new InvalidArgumentException("invalid field '" + arg
                    + "'. Use name:type, e.g. name:string age:integer price:decimal{10,2} email:string:uniq.");
        }
        String type = m.group(2) == null ? "string" : m.group(2).toLowerCase(Locale.ROOT);
        String index = m.group(4);
        if (index == null && m.group(3) == null && (type.equals("index") || type.equals("uniq"))) {
            // Rails' shorthand: "email:uniq" is "email:string:uniq".
            return new FieldSpec(m.group(1), "string", null, type);
        }
        return new FieldSpec(m.group(1), type, m.group(3), index);
    }

    boolean isReference() {
        return type.equals("references") || type.equals("belongs_to");
    }

    String column() {
        return isReference() ? name + "_id" : name;
    }

    String sqlType(ColumnTypes types) {
        String sql = types.type(type);
        if (sql == null) {
            throw new InvalidArgumentException("unknown column type '" + type + "' in '" + name + ":" + type
                    + "'. Use string, text, integer, bigint, float, decimal, boolean, date, time, datetime,"
                    + " timestamp, binary, json, uuid or references.");
        }
        if (limit != null) {
            sql = sql.replaceFirst("\\(.*\\)$", "") + "(" + limit.replace(" ", "") + ")";
        }
        return sql;
    }

    /** The column definition inside CREATE TABLE / ADD COLUMN. */
    String definition(ColumnTypes types) {
        String def = column() + " " + sqlType(types);
        if (isReference()) {
            def += " NOT NULL REFERENCES " + Inflector.pluralize(name) + " (id)";
        }
        return def;
    }

    boolean indexed() {
        return index != null || isReference();
    }

    boolean unique() {
        return "uniq".equals(index);
    }

    String indexName(String table) {
        return "index_" + table + "_on_" + column();
    }
}
