package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.cli.output.GroupedReporter;
import dev.mdb.cli.output.Progress;
import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.MdbException;
import dev.mdb.tasks.DatabaseUnavailableException;
import dev.mdb.tasks.InvalidArgumentException;
import dev.mdb.tasks.TaskFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Runs one piece of work per database with {@code --jobs N} workers. Output stays grouped per database and is
 * printed in config order (whatever finishes first), so it is the same bytes on every run; one database failing does
 * not stop the others, and the run fails after all of them finished. With one job (or one database) the work runs
 * in order on the calling thread and stops at the first failure, as Rails does.
 */
final class PerDatabase {
    private PerDatabase() {}

    /** Work for one database. */
    @FunctionalInterface
    interface Work {
        void run(DatabaseConfig config);
    }

    /** Work for one database that returns a result. */
    @FunctionalInterface
    interface Mapping<T> {
        T apply(DatabaseConfig config);
    }

    /** Like {@link #run}, collecting each database's result in config order. */
    static <T> List<T> map(Invocation inv, List<DatabaseConfig> configs, Mapping<T> mapping) {
        Object[] results = new Object[configs.size()];
        java.util.Map<DatabaseConfig, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < configs.size(); i++) {
            index.put(configs.get(i), i);
        }
        run(inv, configs, config -> results[index.get(config)] = mapping.apply(config));
        List<T> list = new ArrayList<>();
        for (Object result : results) {
            @SuppressWarnings("unchecked")
            T t = (T) result;
            list.add(t);
        }
        return list;
    }

    static void run(Invocation inv, List<DatabaseConfig> configs, Work work) {
        if (Math.min(inv.jobs(), configs.size()) <= 1) {
            configs.forEach(work::run);
            return;
        }
        raise(inv, configs, runAll(inv, configs, work));
    }

    /**
     * Runs the work on every database, whatever fails, printing each database's output as one group in config
     * order; returns each database's failure (null when it succeeded), in config order. {@link #raise} reports them.
     */
    static List<RuntimeException> runAll(Invocation inv, List<DatabaseConfig> configs, Work work) {
        int jobs = Math.min(inv.jobs(), configs.size());
        List<RuntimeException> failures = new ArrayList<>();
        if (jobs <= 1) {
            for (DatabaseConfig config : configs) {
                failures.add(attempt(work, config));
            }
            return failures;
        }
        GroupedReporter reporter = inv.groupedReporter();
        Progress progress = Progress.start(inv.err(), configs.size(), !inv.verbose());
        reporter.showProgress(progress);
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "mdb-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (DatabaseConfig config : configs) {
                futures.add(pool.submit(() -> {
                    reporter.collect(config.name());
                    RuntimeException failure = attempt(work, config);
                    progress.finished(config.name(), failure != null);
                    return new Result(config, reporter.drain(), failure);
                }));
            }
            for (Future<Result> future : futures) {
                Result result = await(future);
                progress.clearWhile(() -> reporter.print(result.lines()));
                failures.add(result.failure());
            }
            return failures;
        } finally {
            progress.close();
            reporter.showProgress(Progress.NONE);
            pool.shutdownNow();
        }
    }

    private static RuntimeException attempt(Work work, DatabaseConfig config) {
        try {
            work.run(config);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private record Result(DatabaseConfig config, List<GroupedReporter.Line> lines, RuntimeException failure) {}

    private static Result await(Future<Result> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskFailedException("interrupted while waiting for databases", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One failure is rethrown as is; several are each printed, then summarised. */
    static void raise(Invocation inv, List<DatabaseConfig> configs, List<RuntimeException> failures) {
        GroupedReporter reporter = inv.groupedReporter();
        int total = configs.size();
        List<Result> failed = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            if (failures.get(i) != null) {
                failed.add(new Result(configs.get(i), List.of(), failures.get(i)));
            }
        }
        if (failed.isEmpty()) {
            return;
        }
        if (failed.size() == 1) {
            throw failed.get(0).failure();
        }
        for (Result r : failed) {
            reporter.err("mdb: " + r.failure().getMessage());
        }
        String names = failed.stream().map(r -> r.config().name()).collect(Collectors.joining(", "));
        String message = failed.size() + " of " + total + " databases failed: " + names
                + ". The others completed; see the messages above.";
        // The exit code is the first failure's (config order), as a sequential run stopping there would give.
        RuntimeException first = failed.get(0).failure();
        if (first instanceof DatabaseUnavailableException) {
            throw new DatabaseUnavailableException(message);
        }
        if (first instanceof InvalidArgumentException) {
            throw new InvalidArgumentException(message);
        }
        if (first instanceof ConfigException) {
            throw new ConfigException(message);
        }
        if (first instanceof MdbException) {
            throw new TaskFailedException(message);
        }
        throw new IllegalStateException(message, first);
    }
}
