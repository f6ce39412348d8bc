package dev.mdb.cli.command;

import dev.mdb.cli.ExitCode;
import dev.mdb.cli.Invocation;
import dev.mdb.cli.ProjectOptions;
import dev.mdb.cli.console.RoutesTable;
import dev.mdb.cli.console.UsageOptions;
import dev.mdb.cli.output.Json;
import dev.mdb.cli.output.OutputFormat;
import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.runtime.Topology;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mdb routes}: the topology of an environment, one line per group, shard and role. */
@Command(
        name = "routes",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Print the routes of an environment: database groups, shards and roles.",
            "",
            "One line per group, shard and role with the database.yml entries serving it and whether writes through"
                    + " it are always prevented (reading roles and replica-only roles). Nothing is connected to; no"
                    + " URLs, hosts or credentials are printed."
        },
        footer = {"", "Examples:", "  mdb routes", "  mdb routes -e production --format json"})
public final class RoutesCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;

    public RoutesCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The command line of {@code mdb routes}, without the shared options it does not use. */
    public static CommandLine commandLine(Map<String, String> environment) {
        return UsageOptions.adapt(
                new CommandLine(new RoutesCommand(environment)),
                Map.of("--format", new UsageOptions.Text("text|json", "An aligned table (default) or JSON.")),
                Set.of("--database", "--quiet"));
    }

    @Override
    public Integer call() {
        project.inheritFrom(spec);
        PrintWriter out = spec.commandLine().getOut();
        Invocation inv = new Invocation(
                project,
                environment,
                Map.of(),
                null,
                null,
                out,
                spec.commandLine().getErr());
        DatabaseConfigurations configs = DatabaseConfigurations.load(inv.configFile(), inv.env(), inv.environment());
        Topology topology = Topology.from(configs, inv.env());
        if (inv.format() == OutputFormat.JSON) {
            out.println(Json.write(RoutesTable.document(topology)));
        } else {
            out.print(RoutesTable.text(topology));
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
