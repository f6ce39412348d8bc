package dev.mdb.cli;

import dev.mdb.cli.output.OutputFormat;
import dev.mdb.cli.output.Progress;
import dev.mdb.cli.output.ResultReporter;
import dev.mdb.cli.output.WriterReporter;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.tasks.DatabaseSelection;
import dev.mdb.tasks.DatabaseTasks;
import dev.mdb.tasks.FleetOptions;
import dev.mdb.tasks.InvalidArgumentException;
import dev.mdb.tasks.Reporter;
import dev.mdb.tasks.TaskOptions;
import dev.mdb.tasks.migrate.MigrationVersion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of {@code mdb}: options, the environment (process variables plus rake-style {@code KEY=VALUE}
 * arguments), and the facade over the configuration, loaded once on first use.
 */
public final class Invocation {
    private final ProjectOptions project;
    private final Map<String, String> environment;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Reporter reporter;
    private final String targetVersionOption;
    private final String stepOption;
    private int jobs = TaskOptions.DEFAULT_JOBS;
    private boolean skipSchemaDump;
    private Duration lockWait;
    private FleetOptions fleet = FleetOptions.stopOnError();
    private List<DatabaseConfig> selection;
    private DatabaseTasks tasks;

    public Invocation(
            ProjectOptions project,
            Map<String, String> processEnvironment,
            Map<String, String> keyValueArgs,
            String targetVersionOption,
            String stepOption,
            PrintWriter out,
            PrintWriter err) {
        this.project = project;
        Map<String, String> env = new HashMap<>(processEnvironment);
        env.putAll(keyValueArgs);
        this.environment = Map.copyOf(env);
        this.targetVersionOption = targetVersionOption;
        this.stepOption = stepOption;
        this.out = out;
        this.err = err;
        this.reporter = new WriterReporter(out, err);
    }

    public String env() {
        if (project.env != null) {
            return project.env;
        }
        String fromEnv = environment.get("MDB_ENV");
        return fromEnv == null || fromEnv.isEmpty() ? "development" : fromEnv;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public boolean verbose() {
        // With --format json stdout carries one document: no banners or created/dropped lines.
        return !project.quiet() && project.format() != OutputFormat.JSON && !"false".equals(environment.get("VERBOSE"));
    }

    public OutputFormat format() {
        return project.format();
    }

    public String database() {
        return project.database();
    }

    /**
     * The databases {@code --database} selects when it is a list or a glob ({@code a,b}, {@code primary_shard_*}):
     * visible databases of the environment in config order; null when it names one database or is absent.
     */
    public List<DatabaseConfig> selection() {
        String spec = database();
        if (!DatabaseSelection.isPattern(spec)) {
            return null;
        }
        if (selection == null) {
            selection = tasks().select().matching(spec);
        }
        return selection;
    }

    /** {@code --jobs N}: databases worked on at once (1 = one after another, in order). */
    public void jobs(int value) {
        if (value < 1) {
            throw new InvalidArgumentException("--jobs must be at least 1, got " + value + ".");
        }
        this.jobs = value;
    }

    /** {@code --lock-wait SECONDS}: the longest wait for another migrator's lock. */
    public void lockWait(int seconds) {
        if (seconds < 0) {
            throw new InvalidArgumentException("--lock-wait must be 0 or more seconds, got " + seconds + ".");
        }
        this.lockWait = Duration.ofSeconds(seconds);
    }

    /** {@code --on-error}, {@code --canary} and {@code --dry-run}: how db:migrate works through several databases. */
    public void fleet(String onError, String canary, boolean dryRun) {
        FleetOptions.OnError mode = FleetOptions.OnError.STOP;
        if (onError != null) {
            mode = switch (onError.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "stop" -> FleetOptions.OnError.STOP;
                case "continue" -> FleetOptions.OnError.CONTINUE;
                default ->
                    throw new InvalidArgumentException("--on-error must be stop or continue, got '" + onError + "'.");
            };
        }
        if (canary != null && canary.isBlank()) {
            throw new InvalidArgumentException("--canary needs a count or database names, e.g. --canary 1.");
        }
        this.fleet = new FleetOptions(mode, canary, dryRun);
    }

    /** How db:migrate works through several databases ({@code --on-error}, {@code --canary}, {@code --dry-run}). */
    public FleetOptions fleet() {
        return fleet;
    }

    /** {@code --dry-run}: say what would run, change nothing. */
    public boolean dryRun() {
        return fleet.dryRun();
    }

    public Reporter reporter() {
        return reporter;
    }

    /** Renders the facade's results in the chosen {@code --format}. */
    public ResultReporter results() {
        return ResultReporter.of(format(), reporter, env());
    }

    public PrintWriter err() {
        return err;
    }

    public PrintWriter out() {
        return out;
    }

    public Path projectDir() {
        return project.directory().toAbsolutePath().normalize();
    }

    public Path configFile() {
        return project.configFile();
    }

    /** {@code --no-schema-dump}: do not re-dump schema files after migrating. */
    public void skipSchemaDump(boolean skip) {
        this.skipSchemaDump = skip;
    }

    /** The facade, with database.yml loaded on first call. */
    public DatabaseTasks tasks() {
        if (tasks == null) {
            Path file = configFile();
            DatabaseConfigurations configs = DatabaseConfigurations.load(file, env(), environment);
            boolean dumpAfterMigration =
                    !skipSchemaDump && !"false".equals(environment.get("DUMP_SCHEMA_AFTER_MIGRATION"));
            TaskOptions options = new TaskOptions(
                    projectDir(),
                    env(),
                    environment,
                    verbose(),
                    reporter,
                    jobs,
                    dumpAfterMigration,
                    total -> Progress.start(err, total, !verbose()),
                    lockWait);
            tasks = new DatabaseTasks(configs, options, file.toString());
        }
        return tasks;
    }

    /** The raw VERSION ({@code --target-version}, else {@code VERSION=}), or null when absent. */
    public String rawVersion() {
        return targetVersionOption != null ? targetVersionOption : environment.get("VERSION");
    }

    /** VERSION parsed; null when absent or empty; malformed is Rails' "Invalid format of target version". */
    public MigrationVersion targetVersion() {
        String raw = rawVersion();
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        MigrationVersion version = MigrationVersion.parseOrNull(raw);
        if (version == null) {
            throw new InvalidArgumentException("Invalid format of target version: `VERSION=" + raw
                    + "`. Use the digits of a migration version, e.g. VERSION=20261121120000.");
        }
        return version;
    }

    /** STEP ({@code --step}, else {@code STEP=}), default 1. */
    public int step() {
        String raw = stepOption != null ? stepOption : environment.get("STEP");
        if (raw == null || raw.isEmpty()) {
            return 1;
        }
        try {
            int step = Integer.parseInt(raw.trim());
            if (step > 0) {
                return step;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidArgumentException("Invalid STEP `" + raw + "`. Use a positive number, e.g. STEP=2.");
    }
}
