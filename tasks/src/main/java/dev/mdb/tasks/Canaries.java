package dev.mdb.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code --canary}: the databases of a fleet migration that go first, on their own. */
final class Canaries {
    private static final Pattern COUNT = Pattern.compile("[0-9]+");

    private Canaries() {}

    /** The canaries {@code spec} names: a count (the first N in config order) or names and globs. */
    static List<Lane> select(List<Lane> lanes, String spec) {
        if (spec == null || spec.isBlank()) {
            return List.of();
        }
        String trimmed = spec.trim();
        if (COUNT.matcher(trimmed).matches()) {
            int count;
            try {
                count = Integer.parseInt(trimmed);
            } catch (NumberFormatException e) {
                count = Integer.MAX_VALUE;
            }
            if (count < 1) {
                throw new InvalidArgumentException(
                        "--canary must be a count of at least 1 or database names, got " + trimmed + ".");
            }
            return lanes.subList(0, Math.min(count, lanes.size()));
        }
        List<Lane> chosen = new ArrayList<>();
        for (String part : trimmed.split(",", -1)) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            Pattern glob = NamePatterns.glob(name);
            List<Lane> matched =
                    lanes.stream().filter(l -> glob.matcher(l.name()).matches()).toList();
            if (matched.isEmpty()) {
                throw new InvalidArgumentException("--canary " + name + " matches none of the databases being"
                        + " migrated ("
                        + String.join(", ", lanes.stream().map(Lane::name).toList())
                        + "). Name one of them, or give a count.");
            }
            matched.stream().filter(l -> !chosen.contains(l)).forEach(chosen::add);
        }
        chosen.sort((a, b) -> Integer.compare(a.index, b.index));
        return chosen;
    }
}
