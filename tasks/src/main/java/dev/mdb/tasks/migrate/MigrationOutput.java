package dev.mdb.tasks.migrate;

import dev.mdb.tasks.Reporter;
import java.util.Locale;

/** Rails' migration banners: {@code == 20261121120000 CreateDogs: migrating =====…} padded to 79 columns. */
public final class MigrationOutput {
    private final Reporter reporter;
    private final boolean verbose;

    public MigrationOutput(Reporter reporter, boolean verbose) {
        this.reporter = reporter;
        this.verbose = verbose;
    }

    public void announce(MigrationVersion version, String className, String what) {
        if (verbose) {
            reporter.out(banner(version + " " + className + ": " + what));
        }
    }

    public void finished(MigrationVersion version, String className, String what, long nanos) {
        if (verbose) {
            reporter.out(
                    banner(String.format(Locale.ROOT, "%s %s: %s (%.4fs)", version, className, what, nanos / 1e9)));
            reporter.out("");
        }
    }

    static String banner(String text) {
        return "== " + text + " " + "=".repeat(Math.max(0, 75 - text.length()));
    }
}
