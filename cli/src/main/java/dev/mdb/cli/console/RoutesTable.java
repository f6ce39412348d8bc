package dev.mdb.cli.console;

import dev.mdb.runtime.RouteRow;
import dev.mdb.runtime.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topology as {@code mdb routes} and {@code \routes} print it: one row per group, shard and role with the
 * database.yml entries serving it. Entry names only: no URLs, hosts or credentials.
 */
public final class RoutesTable {
    private static final List<String> HEADER = List.of("GROUP", "SHARD", "ROLE", "TARGETS", "WRITES PREVENTED");

    private RoutesTable() {}

    /** An aligned table, columns separated by two spaces, each line ending in {@code \n}. */
    public static String text(Topology topology) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        for (RouteRow row : topology.rows()) {
            lines.add(List.of(
                    row.group(),
                    row.shard().name(),
                    row.role().name(),
                    String.join(", ", row.targets()),
                    row.writesPrevented() ? "yes" : "no"));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> line : lines) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                text.append(line.get(c))
                        .append(" ".repeat(widths[c] - line.get(c).length() + 2));
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /**
     * {@code {"environment", "default_group", "routes": [{"group", "shard", "role", "targets": [...],
     * "writes_prevented"}]}}, for {@code --format json}.
     */
    public static Map<String, Object> document(Topology topology) {
        List<Map<String, Object>> routes = new ArrayList<>();
        for (RouteRow row : topology.rows()) {
            Map<String, Object> route = new LinkedHashMap<>();
            route.put("group", row.group());
            route.put("shard", row.shard().name());
            route.put("role", row.role().name());
            route.put("targets", row.targets());
            route.put("writes_prevented", row.writesPrevented());
            routes.add(route);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("environment", topology.env());
        document.put("default_group", topology.defaultGroup());
        document.put("routes", routes);
        return document;
    }
}
