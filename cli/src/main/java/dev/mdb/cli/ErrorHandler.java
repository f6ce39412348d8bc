package dev.mdb.cli;

import dev.mdb.config.Causes;
import dev.mdb.config.JdbcUrls;
import dev.mdb.config.MdbException;
import dev.mdb.tasks.DatabasesFailedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The one place exceptions become an {@code mdb:} line and an exit code. */
final class ErrorHandler implements IExecutionExceptionHandler, IExitCodeExceptionMapper, IParameterExceptionHandler {
    static final String ISSUES = "https://github.com/mdb-dev/mdb/issues";

    @Override
    public int getExitCode(Throwable e) {
        return classify(e).code();
    }

    /** The exit code of {@code e}: an {@link MdbException}'s category, a command-line error, else a bug. */
    static ExitCode classify(Throwable e) {
        if (e instanceof MdbException mdb) {
            return ExitCode.of(mdb.category());
        }
        return e instanceof ParameterException ? ExitCode.USAGE : ExitCode.INTERNAL;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        ExitCode code = classify(e);
        if (code == ExitCode.INTERNAL) {
            err.println("mdb: internal error: " + JdbcUrls.redact(String.valueOf(e))
                    + ". This is a bug in mdb; please report it at " + ISSUES
                    + " with the output of the same command run with --trace.");
        } else {
            if (e instanceof DatabasesFailedException several) {
                several.failures().forEach(f -> err.println("mdb: " + JdbcUrls.redact(message(f))));
            }
            err.println("mdb: " + JdbcUrls.redact(message(e)));
        }
        if (traceRequested(parseResult)) {
            // Causes may quote a JDBC URL carrying a password (drivers echo the URL they could not use).
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(JdbcUrls.redact(trace.toString()));
        }
        err.flush();
        return code.code();
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("mdb: " + e.getMessage() + ". See `mdb --help`.");
        err.flush();
        return ExitCode.USAGE.code();
    }

    /** The failure's own message; never empty (a failure without one is described by its type and cause). */
    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? Causes.of(e) : message;
    }

    private static boolean traceRequested(ParseResult parseResult) {
        for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--trace")) {
                return true;
            }
        }
        return false;
    }
}
