package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.cli.output.OutputFormat;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.InvalidArgumentException;
import dev.mdb.tasks.Results;
import java.util.List;
import java.util.function.Consumer;

/** One {@code db:*} task. Per-database tasks also run as {@code TASK:NAME} or with {@code --database NAME}. */
public abstract class Task {
    private final String name;
    private final String description;
    private final boolean perDatabase;

    protected Task(String name, String description, boolean perDatabase) {
        this.name = name;
        this.description = description;
        this.perDatabase = perDatabase;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public boolean perDatabase() {
        return perDatabase;
    }

    /** The one-line description of {@code TASK:NAME}; per-database tasks override it. */
    public String describeFor(String database) {
        return description;
    }

    /** Whether {@code --dry-run} can say what this task would do (tasks that migrate); others refuse it. */
    public boolean dryRunnable() {
        return false;
    }

    /** Runs the task; {@code named} is the database of {@code TASK:NAME}, or null for all. */
    public abstract void run(Invocation inv, DatabaseConfig named);

    /** The named database, else the {@code --database} selection, else the visible databases of the environment. */
    protected static List<DatabaseConfig> targets(Invocation inv, DatabaseConfig named) {
        if (named != null) {
            return List.of(named);
        }
        List<DatabaseConfig> selection = inv.selection();
        return selection != null ? selection : inv.tasks().select().visible();
    }

    /** Like {@link #targets}, but all databases means Rails' current configurations (development adds test). */
    protected static List<DatabaseConfig> currentTargets(Invocation inv, DatabaseConfig named) {
        if (named != null) {
            return List.of(named);
        }
        List<DatabaseConfig> selection = inv.selection();
        return selection != null ? selection : inv.tasks().select().current();
    }

    /** The test environment's databases for db:test:*: the named one's test twin, else all of them. */
    protected static List<DatabaseConfig> testTargets(Invocation inv, DatabaseConfig named) {
        if (named != null) {
            return List.of(inv.tasks().select().namedIn("test", named.name()));
        }
        return inv.tasks().select().visibleIn("test");
    }

    /**
     * Renders {@code results} and raises their failures: text shows what succeeded before the failure, a JSON document
     * is written only when every database succeeded.
     */
    protected static <T> void show(Invocation inv, Results<T> results, Consumer<Results<T>> render) {
        if (inv.format() == OutputFormat.JSON) {
            results.raise();
        }
        render.accept(results);
        results.raise();
    }

    /** Rails' raise_for_multi_db: with several databases, the un-namespaced task is ambiguous. */
    protected void requireSingleDatabase(Invocation inv, DatabaseConfig named) {
        if (named != null) {
            return;
        }
        List<DatabaseConfig> visible = targets(inv, null);
        if (visible.size() > 1) {
            List<String> names =
                    visible.stream().map(c -> name + ":" + c.name()).toList();
            throw new InvalidArgumentException("You're using a multiple database application. To use `" + name
                    + "` you must run the namespaced task with a VERSION. Available tasks are "
                    + Sentences.toSentence(names) + ".");
        }
    }

    /** The one database a guarded task acts on. */
    protected static DatabaseConfig single(Invocation inv, DatabaseConfig named) {
        return named != null ? named : targets(inv, null).get(0);
    }
}
