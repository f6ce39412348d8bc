package dev.mdb.cli.it;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the text of {@code db:migrate:status}: database name to (migration version to {@code up}/{@code down}). */
final class StatusTable {
    private static final String DATABASE = "database: ";
    private static final Pattern ROW = Pattern.compile("\\s*(up|down)\\s+(\\S+)\\s+.*");

    private StatusTable() {}

    static Map<String, Map<String, String>> parse(String output) {
        Map<String, Map<String, String>> databases = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : output.lines().toList()) {
            if (line.startsWith(DATABASE)) {
                current = new LinkedHashMap<>();
                databases.put(line.substring(DATABASE.length()).trim(), current);
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (current != null && row.matches()) {
                current.put(row.group(2), row.group(1));
            }
        }
        return databases;
    }
}
