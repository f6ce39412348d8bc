package dev.mdb.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The databases of a fleet test, engine aside: their names in config order, the migrations path of each (databases
 * with the same path form one stream) and the versions in each path. It knows the order Rails 7.1 runs the pending
 * migrations of several databases in (every version in turn, and within a version the databases in config order),
 * checks recorded start and end points against it, and builds the text mdb prints for a run that migrated everything.
 *
 * <p>{@link #interleaved(int)} is the fleet of the order tests: primary ({@code 01 03 05}), animals ({@code 02 04}) and
 * N shards sharing {@code db/shards_migrate} ({@code 02 06}); {@code 02} of animals ties with the shards': one job runs
 * it first (animals is listed first), a parallel run may run them side by side.
 */
final class Fleet {
    static final String V01 = "20261201000001";
    static final String V02 = "20261201000002";
    static final String V03 = "20261201000003";
    static final String V04 = "20261201000004";
    static final String V05 = "20261201000005";
    static final String V06 = "20261201000006";

    static final String PRIMARY_PATH = "db/migrate";
    static final String ANIMALS_PATH = "db/animals_migrate";
    static final String SHARDS_PATH = "db/shards_migrate";

    private static final Pattern TIMING = Pattern.compile("(== \\d+ \\w+: migrated) \\(\\d+\\.\\d{4}s\\) =*");

    /** One database.yml entry: its name and its migrations path. */
    record Database(String name, String migrationsPath) {}

    /** One migration of one database. */
    record Step(String database, String version) {
        @Override
        public String toString() {
            return database + "@" + version;
        }
    }

    /** When a migration started and ended, as comparable points of one clock (server time, or a log's row ids). */
    record Span(long start, long end) {}

    private final List<Database> databases;
    private final Map<String, List<String>> versions;

    Fleet(List<Database> databases, Map<String, List<String>> versions) {
        this.databases = List.copyOf(databases);
        this.versions = Map.copyOf(versions);
    }

    /** primary (01 03 05), animals (02 04), then {@code shards} shards (02 06), in that config order. */
    static Fleet interleaved(int shards) {
        List<Database> databases = new ArrayList<>();
        databases.add(new Database("primary", PRIMARY_PATH));
        databases.add(new Database("animals", ANIMALS_PATH));
        for (int shard = 1; shard <= shards; shard++) {
            databases.add(new Database(shardName(shard), SHARDS_PATH));
        }
        return new Fleet(
                databases,
                Map.of(
                        PRIMARY_PATH, List.of(V01, V03, V05),
                        ANIMALS_PATH, List.of(V02, V04),
                        SHARDS_PATH, List.of(V02, V06)));
    }

    /** {@code primary_shard_NN}. */
    static String shardName(int shard) {
        return String.format(Locale.ROOT, "primary_shard_%02d", shard);
    }

    List<Database> databases() {
        return databases;
    }

    List<String> names() {
        return databases.stream().map(Database::name).toList();
    }

    Database database(String name) {
        return databases.stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no database " + name));
    }

    /** The migrations paths, each once, in the order their first database is listed. */
    List<String> paths() {
        return databases.stream().map(Database::migrationsPath).distinct().toList();
    }

    List<String> versions(String migrationsPath) {
        return versions.getOrDefault(migrationsPath, List.of());
    }

    /** {@code V20261201000001__primary_01.sql}: the group's name (the path's last part) and the version's end. */
    static String fileName(String migrationsPath, String version) {
        return "V" + version + "__" + stem(migrationsPath) + "_" + version.substring(12) + ".sql";
    }

    /** The class name Rails derives from {@link #fileName}: {@code Primary01}. */
    static String className(String migrationsPath, String version) {
        String stem = stem(migrationsPath);
        return stem.substring(0, 1).toUpperCase(Locale.ROOT) + stem.substring(1) + version.substring(12);
    }

    private static String stem(String migrationsPath) {
        String last = migrationsPath.substring(migrationsPath.lastIndexOf('/') + 1);
        return switch (last) {
            case "migrate" -> "primary";
            case "animals_migrate" -> "animals";
            case "shards_migrate" -> "shards";
            default -> last.replace("_migrate", "").replace('_', 'x');
        };
    }

    /** Every migration of the fleet as Rails 7.1 runs them: by version, then by the database's place in config. */
    List<Step> railsSequence() {
        TreeSet<String> all = new TreeSet<>();
        versions.values().forEach(all::addAll);
        List<Step> sequence = new ArrayList<>();
        for (String version : all) {
            for (Database database : databases) {
                if (versions(database.migrationsPath()).contains(version)) {
                    sequence.add(new Step(database.name(), version));
                }
            }
        }
        return sequence;
    }

    /**
     * Whether {@code a} must have finished before {@code b} starts in a parallel run: they come from different
     * migrations paths and {@code a} has the lower version (equal versions may overlap); or they are migrations of one
     * database, {@code a} the older.
     */
    boolean mustPrecede(Step a, Step b) {
        int byVersion = a.version().compareTo(b.version());
        if (a.database().equals(b.database())) {
            return byVersion < 0;
        }
        String pathA = database(a.database()).migrationsPath();
        String pathB = database(b.database()).migrationsPath();
        if (pathA.equals(pathB)) {
            return false;
        }
        return byVersion < 0;
    }

    /** Each migration of the fleet ran once, recorded start and end (and nothing else ran). */
    void assertAllRanOnce(Map<Step, Span> spans, String context) {
        assertThat(spans.keySet())
                .as("migrations recorded by the log; %s", context)
                .containsExactlyInAnyOrderElementsOf(railsSequence());
        spans.forEach((step, span) -> assertThat(span.start())
                .as("%s started before it ended; %s", step, context)
                .isLessThan(span.end()));
    }

    /**
     * The order rule of a parallel run among the migrations in {@code spans}: every one that must precede another (see
     * {@link #mustPrecede}) ended before the other started.
     */
    void assertOrderRule(Map<Step, Span> spans, String context) {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<Step, Span> a : spans.entrySet()) {
            for (Map.Entry<Step, Span> b : spans.entrySet()) {
                if (mustPrecede(a.getKey(), b.getKey())
                        && a.getValue().end() >= b.getValue().start()) {
                    violations.add(b.getKey() + " started (" + b.getValue().start() + ") before " + a.getKey()
                            + " ended (" + a.getValue().end() + ")");
                }
            }
        }
        assertThat(violations).as("order violations; %s", context).isEmpty();
    }

    /** One migration at a time, in exactly Rails' sequence: each ended before the next started. */
    void assertRailsSequence(Map<Step, Span> spans, String context) {
        assertAllRanOnce(spans, context);
        List<Map.Entry<Step, Span>> byStart = spans.entrySet().stream()
                .sorted(Comparator.comparingLong(e -> e.getValue().start()))
                .toList();
        assertThat(byStart.stream().map(Map.Entry::getKey).toList())
                .as("migrations by start; %s", context)
                .containsExactlyElementsOf(railsSequence());
        for (int i = 1; i < byStart.size(); i++) {
            assertThat(byStart.get(i - 1).getValue().end())
                    .as(
                            "%s ended before %s started; %s",
                            byStart.get(i - 1).getKey(), byStart.get(i).getKey(), context)
                    .isLessThan(byStart.get(i).getValue().start());
        }
    }

    /**
     * What {@code db:migrate} prints when it migrates every database of the fleet from scratch, timings as {@code
     * (T)} (see {@link #withoutTimings}): one block per database in config order, headed {@code database: NAME
     * (DATABASE)}, then the summary line.
     */
    String expectedMigrateOutput(Map<String, String> databaseOf) {
        StringBuilder out = new StringBuilder();
        for (Database database : databases) {
            out.append("database: ")
                    .append(database.name())
                    .append(" (")
                    .append(databaseOf.get(database.name()))
                    .append(")\n");
            out.append(migratedBanners(
                    database.migrationsPath(),
                    versions(database.migrationsPath()).toArray(String[]::new)));
        }
        out.append(databases.size())
                .append(" databases: ")
                .append(databases.size())
                .append(" migrated, 0 already up to date, 0 failed, 0 not run.\n");
        return out.toString();
    }

    /** The block of a database that did not run: its header and the Not run line. */
    static String notRunBlock(String name, String label, String reason, int pending, String from) {
        return "database: " + name + " (" + label + ")\n"
                + "Not run (" + reason + "): " + pending + " pending migration" + (pending == 1 ? "" : "s")
                + ", from " + from + ".\n\n";
    }

    /** Rails' two banners per migration of {@code path}, timings as {@code (T)} ({@link #withoutTimings}). */
    static String migratedBanners(String path, String... versions) {
        StringBuilder out = new StringBuilder();
        for (String version : versions) {
            String name = version + " " + className(path, version);
            out.append(banner(name + ": migrating")).append('\n');
            out.append("== ").append(name).append(": migrated (T)\n\n");
        }
        return out.toString();
    }

    /** Rails' banner: {@code == TEXT =====}, 79 characters when the text allows. */
    static String banner(String text) {
        return "== " + text + " " + "=".repeat(Math.max(0, 75 - text.length()));
    }

    /** {@code out} with each {@code migrated (0.0123s) ====} as {@code migrated (T)}, so runs compare byte for byte. */
    static String withoutTimings(String out) {
        Matcher m = TIMING.matcher(out);
        return m.replaceAll("$1 (T)");
    }

    /** {@code out} with each database's real name (e.g. {@code mdb_it_0a1b2c3d}) as {@code <NAME>}. */
    static String withPlaceholders(String out, Map<String, String> databaseOf) {
        String replaced = out;
        for (Map.Entry<String, String> entry : databaseOf.entrySet()) {
            replaced = replaced.replace(entry.getValue(), "<" + entry.getKey() + ">");
        }
        return replaced;
    }

    /** Placeholders ({@code <primary>}) for each database, for {@link #expectedMigrateOutput}. */
    Map<String, String> placeholders() {
        Map<String, String> map = new LinkedHashMap<>();
        databases.forEach(d -> map.put(d.name(), "<" + d.name() + ">"));
        return map;
    }
}
