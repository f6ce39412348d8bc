package dev.mdb.cli;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.UnknownDatabaseNameException;
import dev.mdb.tasks.DatabaseSelection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** {@code --database} as a list or glob ({@code a,b}, {@code primary_shard_*}): the visible databases it selects. */
final class DatabasePattern {
    private DatabasePattern() {}

    /** Whether {@code spec} selects several databases rather than naming one. */
    static boolean isSelection(String spec) {
        return spec != null && (spec.contains(",") || spec.contains("*") || spec.contains("?"));
    }

    /** The selected visible databases in config order; a part that matches nothing is an unknown name. */
    static List<DatabaseConfig> select(String spec, DatabaseSelection databases, String env) {
        List<DatabaseConfig> visible = databases.visible();
        List<DatabaseConfig> chosen = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            String pattern = part.trim();
            if (pattern.isEmpty()) {
                continue;
            }
            if (!pattern.contains("*") && !pattern.contains("?")) {
                databases.named(pattern); // a hidden or unknown plain name says why
            }
            Pattern regex = Pattern.compile(
                    Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
            boolean matched = false;
            for (DatabaseConfig config : visible) {
                if (regex.matcher(config.name()).matches()) {
                    matched = true;
                    if (!chosen.contains(config)) {
                        chosen.add(config);
                    }
                }
            }
            if (!matched) {
                throw new UnknownDatabaseNameException(
                        env, pattern, visible.stream().map(DatabaseConfig::name).toList());
            }
        }
        chosen.sort(Comparator.comparingInt(visible::indexOf));
        return chosen;
    }
}
