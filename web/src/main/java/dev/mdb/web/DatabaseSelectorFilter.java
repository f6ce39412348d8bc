package dev.mdb.web;

import dev.mdb.web.internal.FilterBodies;
import dev.mdb.web.internal.GuardedResponse;
import dev.mdb.web.internal.RoutedAsyncRequest;
import dev.mdb.web.internal.ServletRequestView;
import dev.mdb.web.internal.ServletResponseView;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servlet filter of a {@link DatabaseSelector}: reading requests run on the reading role (replicas, or the primary
 * while the client's own writes may not have reached them), writing requests on the writing role, and the client's
 * new read-your-writes state is saved through the selector's {@link ResolverContext} before the response commits.
 *
 * <p><b>Registration.</b> Map it to {@code /*} for the {@code REQUEST} dispatcher type, after (inside) a {@link
 * ShardSelectorFilter} when requests are sharded, so the state is read and written for the request's shard:
 *
 * <pre>{@code
 * EnumSet<DispatcherType> request = EnumSet.of(DispatcherType.REQUEST);
 * context.addFilter(new FilterHolder(new ShardSelectorFilter(shardSelector)), "/*", request);
 * context.addFilter(new FilterHolder(new DatabaseSelectorFilter(selector)), "/*", request);
 * }</pre>
 *
 * A request that arrives while a unit of work is already open on the thread (a forward or include, or an outer
 * selector) passes through unchanged.
 *
 * <p><b>Saving before commit.</b> The state must travel in the response's headers (a cookie, a header, the session
 * cookie), which is only possible before the response commits. So the response is wrapped: its body is buffered (up to
 * {@code responseBufferLimit} bytes, 256 KiB by default) until the state is saved, which happens at the first of
 * {@code flushBuffer()}, a flush or close of the writer or output stream, {@code sendError}, {@code sendRedirect}, the
 * buffer limit, or the end of the request; the body then passes straight through. Writes made after that point are
 * not in the client's state and are logged as late writes. A request that throws still saves its writes (the cookie
 * survives the container's error page; a header may not), then the exception propagates.
 *
 * <p><b>Async.</b> Register the filter with {@code asyncSupported}. A request that goes async keeps its routes: work
 * started with {@code AsyncContext.start(Runnable)} runs under the request's role, shard and write prevention, and its
 * writes are recorded; the body written later is held back (as above) and the client's state is saved when the
 * application calls {@code complete()} or {@code dispatch()} (on a timeout or error, best effort). Work the
 * application hands to its own executor keeps the routes only through {@code mdb.router().propagating(executor)} or
 * {@code mdb.router()::decorate}.
 */
public final class DatabaseSelectorFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSelectorFilter.class);

    /** Bytes of response body held back at most while the client's state is not saved yet. */
    public static final int DEFAULT_RESPONSE_BUFFER_LIMIT = 256 * 1024;

    private final DatabaseSelector selector;
    private final int responseBufferLimit;

    public DatabaseSelectorFilter(DatabaseSelector selector) {
        this(selector, DEFAULT_RESPONSE_BUFFER_LIMIT);
    }

    /** {@code responseBufferLimit}: bytes of body held back at most before the state is saved early. */
    public DatabaseSelectorFilter(DatabaseSelector selector, int responseBufferLimit) {
        this.selector = Objects.requireNonNull(selector, "selector");
        if (responseBufferLimit < 0) {
            throw new IllegalArgumentException("responseBufferLimit must not be negative: " + responseBufferLimit);
        }
        this.responseBufferLimit = responseBufferLimit;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request)
                || !(res instanceof HttpServletResponse response)
                || selector.mdb().router().unitOfWork() != null) {
            chain.doFilter(req, res);
            return;
        }
        DatabaseSelection selection = selector.select(new ServletRequestView(request));
        ServletResponseView responseView = new ServletResponseView(response);
        GuardedResponse guarded =
                new GuardedResponse(response, () -> selection.commit(responseView), responseBufferLimit);
        RoutedAsyncRequest routed =
                new RoutedAsyncRequest(request, guarded, selector.mdb().router());
        try {
            FilterBodies.run(selection::use, () -> chain.doFilter(routed, guarded));
        } catch (IOException | ServletException | RuntimeException | Error e) {
            try {
                guarded.abandon();
            } catch (RuntimeException saveFailure) {
                e.addSuppressed(saveFailure);
            }
            throw e;
        }
        if (request.isAsyncStarted()) {
            LOG.debug(
                    "mdb: {} {} went async; the client's state is saved when it completes",
                    request.getMethod(),
                    request.getRequestURI());
            request.getAsyncContext().addListener(new AsyncEnd(selection, routed));
        } else {
            guarded.finish();
            selection.reportLateWrites();
        }
    }

    public DatabaseSelector selector() {
        return selector;
    }

    @Override
    public String toString() {
        return "DatabaseSelectorFilter[" + selector + "]";
    }

    /**
     * The end of an async request: its state is saved on a timeout or error (when the application did not complete it)
     * and writes made after the state was saved are reported.
     */
    private record AsyncEnd(DatabaseSelection selection, RoutedAsyncRequest request) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            request.saveState();
            selection.reportLateWrites();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            request.saveState();
        }

        @Override
        public void onError(AsyncEvent event) {
            request.saveState();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {}
    }
}
