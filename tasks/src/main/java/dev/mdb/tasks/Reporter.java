package dev.mdb.tasks;

/** Where task output goes: results to {@link #out}, diagnostics to {@link #err}. The CLI supplies it. */
public interface Reporter {
    void out(String line);

    void err(String line);

    /**
     * What the current database is doing when it takes a while (waiting for a lock): a progress display shows it in
     * place; without one it is a line on stderr.
     */
    default void status(String line) {
        err(line);
    }

    /** A reporter that drops everything. */
    static Reporter silent() {
        return new Reporter() {
            @Override
            public void out(String line) {}

            @Override
            public void err(String line) {}
        };
    }
}
