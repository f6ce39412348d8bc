package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.InvalidArgumentException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every task, and the resolution of {@code TASK}, {@code TASK:NAME} and {@code --database NAME}. */
public final class TaskCatalog {
    private final List<Task> tasks = List.of(
            new AbortIfPendingTask(),
            new CreateTask(),
            new CreateAllTask(),
            new DropTask(),
            new DropAllTask(),
            new EnvironmentSetTask(),
            new MigrateTask(),
            new MigrateDownTask(),
            new RedoTask(),
            new RepairTask(),
            new ReplicasTask(),
            new StatusTask(),
            new MigrateUpTask(),
            new PurgeTask(),
            new RollbackTask(),
            new VersionTask(),
            new SchemaDumpTask(),
            new SchemaLoadTask(),
            new SetupTask(),
            new ResetTask(),
            new PrepareTask(),
            new SeedTask(),
            new SeedReplantTask(),
            new TruncateAllTask(),
            new MigrateResetTask(),
            new TestPurgeTask(),
            new TestLoadSchemaTask(),
            new TestPrepareTask());

    public List<Task> tasks() {
        return tasks.stream().sorted(Comparator.comparing(Task::name)).toList();
    }

    public Optional<Task> find(String name) {
        return tasks.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Runs one task argument such as {@code db:migrate} or {@code db:migrate:animals}. */
    /** {@code --dry-run} is refused, before anything runs, for a task that cannot tell what it would do. */
    public void requireDryRunnable(List<String> arguments) {
        for (String argument : arguments) {
            Task task = find(argument)
                    .or(() -> tasks.stream()
                            .filter(t -> t.perDatabase() && argument.startsWith(t.name() + ":"))
                            .max(Comparator.comparingInt(t -> t.name().length())))
                    .orElse(null);
            if (task != null && !task.dryRunnable()) {
                throw new InvalidArgumentException("--dry-run works with db:migrate, db:rollback, db:migrate:up,"
                        + " db:migrate:down and db:migrate:redo; " + task.name() + " would change the database."
                        + " Run it without --dry-run.");
            }
        }
    }

    public void run(Invocation inv, String argument) {
        Optional<Task> exact = find(argument);
        if (exact.isPresent()) {
            Task task = exact.get();
            if (task instanceof ReplicasTask replicas) {
                // Replica entries are hidden from the other tasks: db:replicas resolves --database itself.
                replicas.report(inv, inv.database());
                return;
            }
            boolean single = inv.database() != null && inv.selection() == null;
            task.run(inv, single ? inv.tasks().select().named(inv.database()) : null);
            return;
        }
        Task perDatabase = tasks.stream()
                .filter(t -> t.perDatabase() && argument.startsWith(t.name() + ":"))
                .max(Comparator.comparingInt(t -> t.name().length()))
                .orElseThrow(() -> new InvalidArgumentException("Don't know how to build task '" + argument
                        + "'. See the list of available tasks with `mdb --tasks`."));
        String name = argument.substring(perDatabase.name().length() + 1);
        if (perDatabase instanceof ReplicasTask replicas) {
            replicas.report(inv, name);
            return;
        }
        DatabaseConfig config = inv.tasks().select().named(name);
        perDatabase.run(inv, config);
    }
}
