package dev.mdb.web.internal;

import dev.mdb.runtime.ThrowingRunnable;
import jakarta.servlet.ServletException;
import java.io.IOException;

/** Runs a filter chain inside an mdb frame, keeping {@code doFilter}'s exception types. */
public final class FilterBodies {
    private FilterBodies() {}

    /** A chain call that throws what {@code FilterChain.doFilter} throws. */
    @FunctionalInterface
    public interface Chain {
        void run() throws IOException, ServletException;
    }

    /** Runs {@code chain} through {@code frame} (a {@code use} of a selection) and rethrows its exceptions as is. */
    public static void run(Frame frame, Chain chain) throws IOException, ServletException {
        try {
            frame.use(chain::run);
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    /** Something that runs a body in a frame: {@code DatabaseSelection::use} or {@code ShardSelection::use}. */
    @FunctionalInterface
    public interface Frame {
        void use(ThrowingRunnable<Exception> body) throws Exception;
    }
}
