package dev.mdb.tasks;

import dev.mdb.config.DatabaseConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs one piece of work per database with {@code jobs} workers. Output stays grouped per database and is printed in
 * config order (whatever finishes first), so it is the same bytes on every run; one database failing does not stop
 * the others. With one job (or one database) the work runs in order on the calling thread and, unless every database
 * must be tried, stops at the first failure, as Rails does.
 */
final class PerDatabase {
    private final int jobs;
    private final GroupedReporter reporter;
    private final IntFunction<TaskProgress> progress;

    PerDatabase(int jobs, GroupedReporter reporter, IntFunction<TaskProgress> progress) {
        this.jobs = jobs;
        this.reporter = reporter;
        this.progress = progress;
    }

    /** Work for one database that returns a result (null for none). */
    @FunctionalInterface
    interface Work<T> {
        T apply(DatabaseConfig config);
    }

    /** Every database, in order or with the workers, stopping early only with one job. */
    <T> Results<T> map(List<DatabaseConfig> configs, Work<T> work) {
        return run(configs, work, false);
    }

    /** Every database, whatever fails (for a document that reports each). */
    <T> Results<T> mapAll(List<DatabaseConfig> configs, Work<T> work) {
        return run(configs, work, true);
    }

    /** One database after the other on this thread, stopping at the first failure. */
    static <T> Results<T> inOrder(List<DatabaseConfig> configs, Work<T> work) {
        return sequential(configs, work, false);
    }

    private <T> Results<T> run(List<DatabaseConfig> configs, Work<T> work, boolean everyDatabase) {
        if (Math.min(jobs, configs.size()) <= 1) {
            return sequential(configs, work, everyDatabase);
        }
        return parallel(configs, work);
    }

    private static <T> Results<T> sequential(List<DatabaseConfig> configs, Work<T> work, boolean everyDatabase) {
        List<DatabaseResult<T>> results = new ArrayList<>();
        for (DatabaseConfig config : configs) {
            DatabaseResult<T> result = attempt(work, config);
            results.add(result);
            if (!result.ok() && !everyDatabase) {
                break;
            }
        }
        return new Results<>(results, configs.size());
    }

    private <T> Results<T> parallel(List<DatabaseConfig> configs, Work<T> work) {
        TaskProgress display = progress.apply(configs.size());
        reporter.showProgress(display);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, configs.size()), r -> {
            Thread t = new Thread(r, "mdb-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Grouped<T>>> futures = new ArrayList<>();
            for (DatabaseConfig config : configs) {
                futures.add(pool.submit(() -> {
                    reporter.collect(config.name());
                    DatabaseResult<T> result = attempt(work, config);
                    display.finished(config.name(), !result.ok());
                    return new Grouped<>(result, reporter.drain());
                }));
            }
            List<DatabaseResult<T>> results = new ArrayList<>();
            for (Future<Grouped<T>> future : futures) {
                Grouped<T> grouped = await(future);
                display.clearWhile(() -> reporter.print(grouped.lines()));
                results.add(grouped.result());
            }
            return new Results<>(results, configs.size());
        } finally {
            display.close();
            reporter.showProgress(TaskProgress.NONE);
            pool.shutdownNow();
        }
    }

    private static <T> DatabaseResult<T> attempt(Work<T> work, DatabaseConfig config) {
        try {
            return new DatabaseResult<>(config, work.apply(config), null);
        } catch (RuntimeException e) {
            return new DatabaseResult<>(config, null, e);
        }
    }

    private record Grouped<T>(DatabaseResult<T> result, List<GroupedReporter.Line> lines) {}

    private static <T> Grouped<T> await(Future<Grouped<T>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskFailedException("interrupted while waiting for databases", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
