package dev.mdb.cli;

import dev.mdb.cli.task.Task;
import dev.mdb.cli.task.TaskCatalog;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.MdbException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mdb [options] TASK... [KEY=VALUE...]}: runs db:* tasks in order, as rake does. */
@Command(
        name = "mdb",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Runs Rails-style database tasks for every database in config/database.yml.",
            "Tasks run in order: mdb db:drop db:create db:migrate. TASK:NAME runs on one database.",
            "Rails' KEY=VALUE arguments work (VERSION=, STEP=, VERBOSE=false, DISABLE_DATABASE_ENVIRONMENT_CHECK=1).",
            "List every task with mdb --tasks."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   success",
            "  1   the task ran and failed (SQL error, failed or pending migration, protected environment)",
            "  2   bad command line: unknown task or option, malformed VERSION/STEP",
            "  3   database.yml invalid, or unknown environment, database name or adapter",
            "  4   cannot connect to or authenticate with a database server",
            "  70  an unexpected error (a bug in mdb)",
            "",
            "Examples:",
            "  mdb db:create db:migrate",
            "  mdb db:migrate:animals",
            "  mdb db:rollback:primary STEP=2",
            "  mdb -e test db:migrate:status --format json",
            "  mdb db:migrate --dry-run",
            "  mdb db:migrate --canary 1 --on-error stop",
            "  mdb generate migration CreateDogs name:string age:integer --database animals"
        })
final class MdbCommand implements Callable<Integer> {
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Z][A-Z0-9_]*)=(.*)", Pattern.DOTALL);
    private final Map<String, String> processEnvironment;

    @Mixin
    ProjectOptions project;

    @Option(names = "--target-version", paramLabel = "VERSION", description = "Same as VERSION=.")
    String targetVersion;

    @Option(names = "--step", paramLabel = "N", description = "Same as STEP=.")
    String step;

    @Option(
            names = {"-j", "--jobs"},
            paramLabel = "N",
            description = "Databases worked on at once (default: 8; 1 = one after another). Output stays grouped"
                    + " per database, in config order.")
    Integer jobs;

    @Option(
            names = "--lock-wait",
            paramLabel = "SECONDS",
            description = "Give up after waiting this long for another migrator's lock on a database (default: wait"
                    + " while the holder lives, saying who it is).")
    Integer lockWait;

    @Option(
            names = "--on-error",
            paramLabel = "stop|continue",
            description = "db:migrate over several databases, after one failed: stop (default; what is running"
                    + " finishes, nothing new starts, as Rails stops) or continue (every migration that does not follow"
                    + " the failed one in version order still runs).")
    String onError;

    @Option(
            names = "--canary",
            paramLabel = "N|NAMES",
            description = "db:migrate these databases first (a count: the first N in config order; or names and"
                    + " globs, a,b or primary_shard_0*); the others start only when they all succeeded.")
    String canary;

    @Option(
            names = "--dry-run",
            description = "db:migrate, db:rollback, db:migrate:up/down/redo: print per database the migrations and"
                    + " SQL that would run and whether each runs in a transaction; change nothing (no lock, no history"
                    + " table, no schema file).")
    boolean dryRun;

    @Option(
            names = "--no-schema-dump",
            description =
                    "Do not re-dump schema files after migrate/rollback (also DUMP_SCHEMA_AFTER_MIGRATION=false).")
    boolean noSchemaDump;

    @Option(
            names = {"-T", "--tasks"},
            description = "List every task with a one-line description, per-database ones included.")
    boolean listTasks;

    @Option(
            names = {"-v", "--verbose"},
            description = "Log more to stderr: -v for info, -vv for debug (default: warnings only).")
    boolean[] verbosity = new boolean[0];

    @Parameters(paramLabel = "TASK", description = "Tasks such as db:migrate or db:migrate:animals, and KEY=VALUE.")
    List<String> arguments = new ArrayList<>();

    @Spec
    CommandSpec spec;

    MdbCommand(Map<String, String> processEnvironment) {
        this.processEnvironment = processEnvironment;
    }

    @Override
    public Integer call() {
        applyVerbosity();
        Map<String, String> keyValues = new LinkedHashMap<>();
        List<String> taskNames = new ArrayList<>();
        for (String argument : arguments) {
            var m = KEY_VALUE.matcher(argument);
            if (m.matches()) {
                keyValues.put(m.group(1), m.group(2));
            } else {
                taskNames.add(argument);
            }
        }
        Invocation inv = new Invocation(
                project,
                processEnvironment,
                keyValues,
                targetVersion,
                step,
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
        inv.skipSchemaDump(noSchemaDump);
        if (jobs != null) {
            inv.jobs(jobs);
        }
        if (lockWait != null) {
            inv.lockWait(lockWait);
        }
        inv.fleet(onError, canary, dryRun);
        if (!listTasks && !taskNames.isEmpty()) {
            StartupWarmer.start();
        }
        TaskCatalog catalog = new TaskCatalog();
        if (listTasks) {
            listTasks(inv, catalog);
            return ExitCode.OK.code();
        }
        if (taskNames.isEmpty()) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return ExitCode.OK.code();
        }
        if (dryRun) {
            catalog.requireDryRunnable(taskNames);
        }
        for (String name : taskNames) {
            catalog.run(inv, name);
        }
        return ExitCode.OK.code();
    }

    /** Sets the CLI's slf4j backend level before the first logger is created. */
    private void applyVerbosity() {
        if (verbosity.length > 0) {
            String level = verbosity.length == 1 ? "info" : "debug";
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        }
    }

    private void listTasks(Invocation inv, TaskCatalog catalog) {
        List<DatabaseConfig> databases = List.of();
        try {
            databases = inv.tasks().select().visible();
        } catch (MdbException e) {
            inv.reporter().err("mdb: per-database tasks not listed: " + e.getMessage());
        }
        Map<String, String> lines = new LinkedHashMap<>();
        for (Task task : catalog.tasks()) {
            lines.put(task.name(), task.description());
            if (task.perDatabase()) {
                for (DatabaseConfig db : databases) {
                    lines.put(task.name() + ":" + db.name(), task.describeFor(db.name()));
                }
            }
        }
        lines.put("generate migration", "Generate a V/U migration pair (NAME [field:type...] [--database NAME])");
        lines.put("console", "Open an SQL console on a route (--database GROUP --role ROLE --shard SHARD)");
        lines.put("routes", "Print the groups, shards, roles and targets derived from database.yml");
        int width = lines.keySet().stream().mapToInt(String::length).max().orElse(0);
        lines.forEach((name, description) -> inv.out()
                .println(String.format(java.util.Locale.ROOT, "mdb %-" + width + "s  # %s", name, description)));
        inv.out().flush();
    }
}
