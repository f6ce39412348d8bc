package dev.mdb.cli;

import dev.mdb.cli.command.ConsoleCommand;
import dev.mdb.cli.command.GenerateCommand;
import dev.mdb.cli.command.GenerateMigrationCommand;
import dev.mdb.cli.command.RoutesCommand;
import dev.mdb.cli.console.ConsoleStreams;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The one wiring factory: builds the command tree with its output streams, environment and error handling. */
public final class MdbCli {
    /** Every name and alias {@link #addSubcommands} adds; {@code forArguments} builds them when one is an argument. */
    private static final Set<String> SUBCOMMAND_NAMES = Set.of("generate", "g", "console", "routes");

    private MdbCli() {}

    /** {@code environment} stands for the process environment (tests pass their own). */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err, Map<String, String> environment) {
        return newCommandLine(out, err, environment, ConsoleStreams.system());
    }

    /** {@code console} stands for standard input and the terminal of {@code mdb console} (tests pass their own). */
    public static CommandLine newCommandLine(
            PrintWriter out, PrintWriter err, Map<String, String> environment, ConsoleStreams console) {
        CommandLine cli = new CommandLine(new MdbCommand(environment));
        addSubcommands(cli, environment, console);
        return configure(cli, out, err);
    }

    /**
     * The command line {@code mdb ARGS} needs ({@link Main}). When the arguments run db:* tasks only, the subcommands
     * (generate, console, routes) are left out: building their part of the tree is about a tenth of the start of
     * {@code mdb db:version}. A console run ({@code console} right after the root's own options) gets the console
     * alone, which spares a scripted console start building the other subcommands (8 ms of about 300). Whenever an
     * argument could reach another subcommand or the usage help (which lists them), the whole tree is built, so what
     * runs and what is printed are the same as with {@link #newCommandLine}. Both kinds of run connect to databases,
     * so they start the {@link StartupWarmer} first.
     */
    public static CommandLine forArguments(
            String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        CommandLine cli = new CommandLine(new MdbCommand(environment));
        if (consoleRun(cli, args)) {
            StartupWarmer.start();
            cli.addSubcommand(ConsoleCommand.commandLine(environment, ConsoleStreams.system()));
        } else if (tasksOnly(cli, args)) {
            StartupWarmer.start();
        } else {
            addSubcommands(cli, environment, ConsoleStreams.system());
        }
        return configure(cli, out, err);
    }

    private static void addSubcommands(CommandLine cli, Map<String, String> environment, ConsoleStreams console) {
        cli.addSubcommand(new CommandLine(new GenerateCommand())
                .addSubcommand(new CommandLine(new GenerateMigrationCommand(environment))));
        cli.addSubcommand(ConsoleCommand.commandLine(environment, console));
        cli.addSubcommand(RoutesCommand.commandLine(environment));
    }

    /**
     * Whether {@code args} name a db:* task (not as an option's value) and nothing that needs the subcommands: a
     * subcommand name or alias anywhere, or a help option ({@code --help}, {@code -h}, also in a cluster such as
     * {@code -qh}).
     */
    private static boolean tasksOnly(CommandLine root, String[] args) {
        boolean task = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (SUBCOMMAND_NAMES.contains(arg)
                    || arg.equals("--help")
                    || (arg.startsWith("-") && !arg.startsWith("--") && arg.indexOf('h') > 0)) {
                return false;
            }
            if (arg.startsWith("db:") && (i == 0 || !takesValue(root, args[i - 1]))) {
                task = true;
            }
        }
        return task;
    }

    /**
     * Whether {@code args} are the root's own options (no help or version option, no cluster) followed by {@code
     * console}: then picocli hands everything after it to the console, and no other subcommand can be reached.
     */
    private static boolean consoleRun(CommandLine root, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("console")) {
                return true;
            }
            int equals = arg.indexOf('=');
            OptionSpec option = arg.startsWith("-")
                    ? root.getCommandSpec().findOption(equals < 0 ? arg : arg.substring(0, equals))
                    : null;
            if (option == null || option.usageHelp() || option.versionHelp()) {
                return false;
            }
            if (equals < 0 && option.arity().max() > 0 && !option.typeInfo().isBoolean()) {
                i++;
            }
        }
        return false;
    }

    private static boolean takesValue(CommandLine root, String previous) {
        if (!previous.startsWith("-") || previous.contains("=")) {
            return false;
        }
        OptionSpec option = root.getCommandSpec().findOption(previous);
        return option == null || (option.arity().max() > 0 && !option.typeInfo().isBoolean());
    }

    private static CommandLine configure(CommandLine cli, PrintWriter out, PrintWriter err) {
        ErrorHandler errors = new ErrorHandler();
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
