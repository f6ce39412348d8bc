package dev.mdb.cli.command;

import dev.mdb.cli.ExitCode;
import dev.mdb.cli.Invocation;
import dev.mdb.cli.ProjectOptions;
import dev.mdb.tasks.generate.MigrationGenerator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mdb generate migration NAME [field:type...] [--database NAME]}. */
@Command(
        name = "migration",
        mixinStandardHelpOptions = true,
        description = {
            "Write V<utc-timestamp>__<name>.sql and its U (down) file into the database's first migrations path.",
            "CreateDogs name:string age:integer writes CREATE TABLE dogs; AddEmailToUsers email:string and",
            "RemoveEmailFromUsers email:string write ALTER TABLE; any other name writes an empty pair.",
            "Field types: string text integer bigint float decimal{p,s} boolean date time datetime timestamp",
            "binary json uuid references; append :index or :uniq for an index."
        })
public final class GenerateMigrationCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Parameters(index = "0", paramLabel = "NAME", description = "CamelCase migration name, e.g. CreateDogs.")
    String name;

    @Parameters(index = "1..*", paramLabel = "FIELD", description = "Columns as name:type[:index|:uniq].")
    List<String> fields = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;

    public GenerateMigrationCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        project.inheritFrom(spec);
        Invocation inv = new Invocation(
                project,
                environment,
                Map.of(),
                null,
                null,
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
        MigrationGenerator.Generated generated =
                inv.tasks().generateMigration(project.database(), name, fields, Clock.systemUTC());
        inv.reporter().out("      create  " + inv.projectDir().relativize(generated.up()));
        inv.reporter().out("      create  " + inv.projectDir().relativize(generated.down()));
        return ExitCode.OK.code();
    }
}
