package dev.mdb.tasks;

/**
 * A live display of work over several databases (the CLI's progress line on a terminal): which databases are running
 * and what each is doing, how many are done or failed. {@link #NONE} shows nothing.
 */
public interface TaskProgress extends AutoCloseable {
    /** No display. */
    TaskProgress NONE = new TaskProgress() {
        @Override
        public void started(String database) {}

        @Override
        public void step(String database, String what) {}

        @Override
        public void finished(String database, boolean failed) {}

        @Override
        public void clearWhile(Runnable print) {
            print.run();
        }

        @Override
        public void close() {}
    };

    void started(String database);

    /** What a running database is doing now, e.g. the migration being applied. */
    void step(String database, String what);

    void finished(String database, boolean failed);

    /** Runs {@code print} with the display cleared, so printed lines never mix with it. */
    void clearWhile(Runnable print);

    @Override
    void close();
}
