package dev.mdb.cli.it;

import java.time.Duration;

/** Bounded waiting for a condition seen from outside mdb (a server session, a row), polled every 20 ms. */
final class Await {
    private Await() {}

    /** A condition that may need the database to answer. */
    interface Condition {
        boolean holds() throws Exception;
    }

    /** Returns once {@code condition} holds; fails naming {@code what} after {@code limit}. */
    static void until(Duration limit, String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit.toSeconds() + " s for " + what);
            }
            Thread.sleep(20);
        }
    }
}
