package dev.mdb.config;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads the inputs of the original findings (tens of MB of comments, one scalar, ERB tags; 10,000 nested ifs; long
 * lines) and files just under the bounds, one at a time, and prints one line per input: its name, {@code loaded},
 * {@code refused} or {@code error:<exception>}, the wall time and the peak heap. {@link LargeInputForkTest} runs it
 * in a JVM with a small heap; by hand, for the times:
 *
 * <pre>
 * java -Xmx128m -cp "config/target/test-classes:config/target/classes:SNAKEYAML_JAR:SLF4J_API_JAR" \
 *     dev.mdb.config.LargeInputProbe /tmp/probe-dir [NAME...]
 * </pre>
 */
public final class LargeInputProbe {
    private static final String HEAD = "development:\n  adapter: sqlite3\n  database: db/dev.sqlite3\n";
    private static final long MB = 1_000_000;

    private LargeInputProbe() {}

    /** A way to write one input file. */
    @FunctionalInterface
    private interface Body {
        void write(Writer out) throws IOException;
    }

    /** {@code DIR [NAME...]}: writes the inputs to DIR, all of them or only those named (one per JVM: cold times). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<String> only = List.of(args).subList(1, args.length);
        Files.createDirectories(dir);
        for (Map.Entry<String, Body> input : inputs().entrySet()) {
            if (!only.isEmpty() && !only.contains(input.getKey())) {
                continue;
            }
            Path file = dir.resolve(input.getKey() + ".yml");
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
                out.write(HEAD);
                input.getValue().write(out);
            }
            measure(input.getKey(), () -> DatabaseConfigurations.load(file, "development", Map.of("X", "x")));
            Files.delete(file);
        }
        if (!only.isEmpty() && !only.contains("parse-50mb-string")) {
            return;
        }
        String huge = "#".repeat((int) (50 * MB));
        measure("parse-50mb-string", () -> DatabaseConfigurations.parse(huge, "huge.yml", "development", Map.of()));
    }

    private static Map<String, Body> inputs() {
        Map<String, Body> inputs = new LinkedHashMap<>();
        inputs.put("comments-50mb", out -> repeat(out, "# a comment after a valid configuration\n", 50 * MB));
        inputs.put("scalar-50mb", out -> {
            out.write("  x: ");
            repeat(out, "a", 50 * MB);
        });
        inputs.put("erb-tags-50mb", out -> repeat(out, "  k: <%= ENV['X'] %>\n", 50 * MB));
        inputs.put("nested-ifs-10000", out -> {
            repeat(out, "<% if ENV['X'] %>\n", 10_000 * 18L);
            repeat(out, "<% end %>\n", 10_000 * 10L);
        });
        inputs.put("line-1mb", out -> {
            out.write("# ");
            repeat(out, "a", MB);
        });
        inputs.put("erb-tags-4000-one-line", out -> {
            out.write("  x: ");
            repeat(out, "<%= ENV['X'] %>", 4000 * 15L);
        });
        inputs.put("erb-tags-19999-one-a-line", out -> {
            for (int i = 0; i < 19_999; i++) {
                out.write("  k" + i + ": <%= ENV['X'] %>\n");
            }
        });
        inputs.put("lines-64k-to-1mib", out -> repeat(out, "# " + "a".repeat(65_000) + "\n", 1_040_000));
        inputs.put("shards-1000", LargeInputProbe::shards);
        return inputs;
    }

    /** Writes {@code unit} until {@code chars} characters are out (the last copy may be cut). */
    private static void repeat(Writer out, String unit, long chars) throws IOException {
        long written = 0;
        while (written + unit.length() <= chars) {
            out.write(unit);
            written += unit.length();
        }
        out.write(unit, 0, (int) (chars - written));
    }

    /** 1,000 shards and their replicas as {@code scripts/shards.sh} writes them (510 KB), under a third tier. */
    private static void shards(Writer out) throws IOException {
        out.write("test:\n");
        for (int i = 1; i <= 1000; i++) {
            for (String suffix : new String[] {"", "_replica"}) {
                out.write(String.format(
                        Locale.ROOT,
                        "  primary_shard_%04d%s:\n    adapter: postgresql\n    host: \"127.0.0.1\"\n    port: 5432\n"
                                + "    username: \"postgres\"\n    password: \"pw\"\n"
                                + "    database: \"mdb_shard_24a32607_%04d\"\n"
                                + "    migrations_paths: db/shards_migrate\n    schema_dump: shards_schema.sql\n%s",
                        i,
                        suffix,
                        i,
                        suffix.isEmpty() ? "" : "    replica: true\n"));
            }
        }
    }

    private static void measure(String name, Runnable load) {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        String outcome;
        try {
            load.run();
            outcome = "loaded";
        } catch (ConfigException e) {
            outcome = "refused";
        } catch (RuntimeException | Error e) {
            outcome = "error:" + e.getClass().getSimpleName();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        System.out.printf(Locale.ROOT, "%s %s %d ms %d MiB%n", name, outcome, millis, peak >> 20);
        System.out.flush();
    }
}
