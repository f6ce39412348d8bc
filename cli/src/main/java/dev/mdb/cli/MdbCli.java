package dev.mdb.cli;

import dev.mdb.cli.command.ConsoleCommand;
import dev.mdb.cli.command.GenerateCommand;
import dev.mdb.cli.command.GenerateMigrationCommand;
import dev.mdb.cli.command.RoutesCommand;
import dev.mdb.cli.console.ConsoleStreams;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/** The one wiring factory: builds the command tree with its output streams, environment and error handling. */
public final class MdbCli {
    private MdbCli() {}

    /** {@code environment} stands for the process environment (tests pass their own). */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err, Map<String, String> environment) {
        return newCommandLine(out, err, environment, ConsoleStreams.system());
    }

    /** {@code console} stands for standard input and the terminal of {@code mdb console} (tests pass their own). */
    public static CommandLine newCommandLine(
            PrintWriter out, PrintWriter err, Map<String, String> environment, ConsoleStreams console) {
        ErrorHandler errors = new ErrorHandler();
        CommandLine cli = new CommandLine(new MdbCommand(environment));
        cli.addSubcommand(new CommandLine(new GenerateCommand())
                .addSubcommand(new CommandLine(new GenerateMigrationCommand(environment))));
        cli.addSubcommand(ConsoleCommand.commandLine(environment, console));
        cli.addSubcommand(RoutesCommand.commandLine(environment));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(errors);
        cli.setExitCodeExceptionMapper(errors);
        cli.setParameterExceptionHandler(errors);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUnmatchedOptionsArePositionalParams(false);
        return cli;
    }
}
