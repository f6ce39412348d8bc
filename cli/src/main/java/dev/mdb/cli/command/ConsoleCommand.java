package dev.mdb.cli.command;

import dev.mdb.cli.Invocation;
import dev.mdb.cli.ProjectOptions;
import dev.mdb.cli.StartupWarmer;
import dev.mdb.cli.console.ConsoleConnection;
import dev.mdb.cli.console.ConsoleHistory;
import dev.mdb.cli.console.ConsoleSession;
import dev.mdb.cli.console.ConsoleStreams;
import dev.mdb.cli.console.LineSource;
import dev.mdb.cli.console.ReaderLineSource;
import dev.mdb.cli.console.SqlCompleter;
import dev.mdb.cli.console.TerminalLineSource;
import dev.mdb.cli.console.UsageOptions;
import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.Role;
import dev.mdb.runtime.Shard;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mdb console}: an SQL console on one route of the topology, guarded like the application. */
@Command(
        name = "console",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Open an SQL console on one route of config/database.yml, guarded like the application.",
            "",
            "The console holds the route (database group, role, shard) for the whole session and runs statements on"
                    + " one logical connection of the group's routing data source, so it routes and refuses writes"
                    + " exactly as the application would: under a reading role (or --prevent-writes) a write is"
                    + " refused before it reaches the server.",
            "",
            "Statements end with ; and may span lines. In the console, \\? lists the meta-commands: \\role,"
                    + " \\shard and \\database switch the route between transactions; \\route, \\routes, \\dt,"
                    + " \\d TABLE, \\timing, \\x, \\q. With -c, -f or piped input, statements run in order and the"
                    + " console stops at the first error."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   success",
            "  1   a statement or meta-command failed in a script (-c, -f, piped input),",
            "      e.g. a write refused under a reading role (with --on-error continue:",
            "      after running the rest)",
            "  2   bad command line",
            "  3   database.yml invalid; unknown environment, database group, role or shard",
            "  4   cannot connect to the database",
            "",
            "History: statements, never meta-commands or anything containing 'password',",
            "are saved in $MDB_HISTORY, else ~/.mdb_history.",
            "",
            "Examples:",
            "  mdb console --role reading",
            "  mdb console --database animals",
            "  mdb console --shard shard_one -c \"SELECT count(*) FROM dogs\"",
            "  mdb console -e test -f seed.sql --on-error continue",
            "  echo \"SELECT 1;\" | mdb console"
        })
public final class ConsoleCommand implements Callable<Integer> {
    /** What a script does after a failed statement. */
    public enum OnError {
        STOP,
        CONTINUE
    }

    @Mixin
    ProjectOptions project;

    @Option(names = "--role", paramLabel = "ROLE", description = "Role to connect as: writing (default), reading, ...")
    String role;

    @Option(
            names = "--shard",
            paramLabel = "SHARD",
            description = "Shard to connect to (default: the group's default).")
    String shard;

    @Option(names = "--prevent-writes", description = "Refuse writes even on the writing role.")
    boolean preventWrites;

    @Option(names = "-c", paramLabel = "SQL", description = "Run SQL (statements separated by ;) and exit.")
    String command;

    @Option(names = "-f", paramLabel = "FILE", description = "Run the statements of FILE and exit.")
    Path file;

    @Option(
            names = "--on-error",
            paramLabel = "stop|continue",
            description = "In a script: stop at the first error (default) or run the rest and exit 1.")
    OnError onError = OnError.STOP;

    @Option(names = "--interactive", description = "Prompt and edit lines even when input is not a terminal.")
    boolean interactive;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;
    private final ConsoleStreams streams;

    public ConsoleCommand(Map<String, String> environment, ConsoleStreams streams) {
        this.environment = environment;
        this.streams = streams;
    }

    /** The command line of {@code mdb console}, with the shared options described as the console reads them. */
    public static CommandLine commandLine(Map<String, String> environment, ConsoleStreams streams) {
        return UsageOptions.adapt(
                new CommandLine(new ConsoleCommand(environment, streams)),
                Map.of(
                        "--database",
                        new UsageOptions.Text(
                                "GROUP", "Database group to connect to (default: primary, else the first group)."),
                        "--quiet",
                        new UsageOptions.Text(null, "No banner in interactive mode.")),
                Set.of("--format"));
    }

    @Override
    public Integer call() throws IOException {
        project.inheritFrom(spec);
        checkOptions();
        StartupWarmer.start();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Invocation inv = new Invocation(project, environment, Map.of(), null, null, out, err);
        DatabaseConfigurations configs = DatabaseConfigurations.load(inv.configFile(), inv.env(), inv.environment());
        try (Mdb mdb = Mdb.of(configs, inv.env(), inv.projectDir());
                ConsoleConnection connection = ConsoleConnection.open(
                        mdb,
                        project.database(),
                        role == null ? null : Role.of(role),
                        shard == null ? null : Shard.of(shard),
                        preventWrites)) {
            if (interactive || (command == null && file == null && streams.isTerminal())) {
                return interactive(connection, err);
            }
            try (LineSource source = scriptSource()) {
                return new ConsoleSession(connection, source, out, err, onError == OnError.STOP).run();
            }
        }
    }

    private int interactive(ConsoleConnection connection, PrintWriter err) throws IOException {
        try (Terminal terminal = streams.terminal()) {
            SqlCompleter completer = new SqlCompleter(
                    connection::connection, () -> connection.engine().catalog());
            Path history = ConsoleHistory.file(environment);
            try (TerminalLineSource source = new TerminalLineSource(
                    terminal, history, completer, () -> connection.engine().dialect())) {
                ConsoleSession session = new ConsoleSession(connection, source, terminal.writer(), err, false);
                session.onSchemaChange(completer::invalidate);
                session.quietBanner(project.quiet());
                return session.run();
            }
        }
    }

    private LineSource scriptSource() throws IOException {
        if (command != null) {
            return ReaderLineSource.of(command);
        }
        if (file != null) {
            return new ReaderLineSource(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        }
        return new ReaderLineSource(new BufferedReader(new InputStreamReader(streams.in(), Charset.defaultCharset())));
    }

    private void checkOptions() {
        if (command != null && file != null) {
            throw new ParameterException(spec.commandLine(), "-c and -f can't be combined: give one of them");
        }
        if (interactive && (command != null || file != null)) {
            throw new ParameterException(spec.commandLine(), "--interactive can't be combined with -c or -f");
        }
        if (file != null && !Files.isReadable(file)) {
            throw new ParameterException(
                    spec.commandLine(), "can't read -f " + file + ": no such file, or not readable");
        }
    }
}
