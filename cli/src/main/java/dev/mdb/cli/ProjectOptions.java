package dev.mdb.cli;

import dev.mdb.cli.output.OutputFormat;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command shares: where the project is, which environment, how to report. */
public final class ProjectOptions {
    @Option(names = "-C", paramLabel = "DIR", description = "Project directory (default: the current directory).")
    Path directory = Path.of(".");

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "database.yml to read (default: DIR/config/database.yml).")
    Path config;

    @Option(
            names = {"-e", "--env"},
            paramLabel = "ENV",
            description = "Environment (default: $MDB_ENV, else development).")
    String env;

    @Option(names = "--trace", description = "Print the full stack trace of an error.")
    boolean trace;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "Result format where output is a result (status, version): ${COMPLETION-CANDIDATES}.")
    OutputFormat format = OutputFormat.TEXT;

    @Option(
            names = {"-q", "--quiet"},
            description = "Quiet: no migration banners or created/dropped lines (same as VERBOSE=false).")
    boolean quiet;

    @Option(
            names = "--database",
            paramLabel = "NAME",
            description =
                    "Run each task on this database only, as TASK:NAME does; a list (a,b) or a glob (primary_shard_*) selects several.")
    String database;

    /**
     * Fills options this subcommand was not given from the enclosing commands, so {@code mdb -C dir -e test routes}
     * means the same as {@code mdb routes -C dir -e test}.
     */
    public void inheritFrom(picocli.CommandLine.Model.CommandSpec spec) {
        for (var parent = spec.parent(); parent != null; parent = parent.parent()) {
            for (var mixin : parent.mixins().values()) {
                if (mixin.userObject() instanceof ProjectOptions outer && outer != this) {
                    if (directory.equals(Path.of("."))) {
                        directory = outer.directory;
                    }
                    config = config != null ? config : outer.config;
                    env = env != null ? env : outer.env;
                    database = database != null ? database : outer.database;
                    format = format != OutputFormat.TEXT ? format : outer.format;
                    trace = trace || outer.trace;
                    quiet = quiet || outer.quiet;
                }
            }
        }
    }

    public Path directory() {
        return directory;
    }

    public Path configFile() {
        return config != null ? config : directory.resolve("config").resolve("database.yml");
    }

    public String database() {
        return database;
    }

    public OutputFormat format() {
        return format;
    }

    public boolean quiet() {
        return quiet;
    }
}
