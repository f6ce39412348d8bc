package dev.mdb.web.internal;

import dev.mdb.runtime.ConnectionRouter;
import dev.mdb.runtime.RouteSnapshot;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request a selector filter hands down its chain, so that asynchronous processing keeps the request's routes:
 * {@code startAsync()} starts on this request and the {@link GuardedResponse} (the body written later is held back
 * until the client's state is saved), and its {@link AsyncContext} runs {@code start(Runnable)} work under the frames
 * captured when the request went async (role, shard, write prevention, and the unit of work that records writes). The
 * client's state is saved when the application calls {@code complete()} or {@code dispatch()} (or on a timeout or
 * error, best effort), not when the filter's chain returns.
 */
public final class RoutedAsyncRequest extends HttpServletRequestWrapper {
    private static final Logger LOG = LoggerFactory.getLogger(RoutedAsyncRequest.class);

    private final ConnectionRouter router;
    private final GuardedResponse response;
    private volatile RoutedAsyncContext async;

    public RoutedAsyncRequest(HttpServletRequest request, GuardedResponse response, ConnectionRouter router) {
        super(request);
        this.response = response;
        this.router = router;
    }

    @Override
    public AsyncContext startAsync() {
        return startAsync(this, response);
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse servletResponse) {
        RoutedAsyncContext context =
                new RoutedAsyncContext(super.startAsync(request, servletResponse), router.capture(), response);
        async = context;
        return context;
    }

    @Override
    public AsyncContext getAsyncContext() {
        RoutedAsyncContext context = async;
        return context != null ? context : super.getAsyncContext();
    }

    /** Saves the client's state now unless it was saved already (a timeout or an error of the async request). */
    public void saveState() {
        save(response);
    }

    private static void save(GuardedResponse response) {
        try {
            response.finish();
        } catch (IOException | RuntimeException e) {
            LOG.warn("mdb: could not save the client's state of an async request: {}", e.toString());
        }
    }

    /** An {@link AsyncContext} that routes its {@code start} work and saves the state before completing. */
    private static final class RoutedAsyncContext implements AsyncContext {
        private final AsyncContext delegate;
        private final RouteSnapshot routes;
        private final GuardedResponse response;

        RoutedAsyncContext(AsyncContext delegate, RouteSnapshot routes, GuardedResponse response) {
            this.delegate = delegate;
            this.routes = routes;
            this.response = response;
        }

        private void save() {
            RoutedAsyncRequest.save(response);
        }

        @Override
        public ServletRequest getRequest() {
            return delegate.getRequest();
        }

        @Override
        public ServletResponse getResponse() {
            return delegate.getResponse();
        }

        @Override
        public boolean hasOriginalRequestAndResponse() {
            return delegate.hasOriginalRequestAndResponse();
        }

        @Override
        public void dispatch() {
            save();
            delegate.dispatch();
        }

        @Override
        public void dispatch(String path) {
            save();
            delegate.dispatch(path);
        }

        @Override
        public void dispatch(ServletContext context, String path) {
            save();
            delegate.dispatch(context, path);
        }

        @Override
        public void complete() {
            save();
            delegate.complete();
        }

        @Override
        public void start(Runnable run) {
            delegate.start(routes.wrap(run));
        }

        @Override
        public void addListener(AsyncListener listener) {
            delegate.addListener(listener);
        }

        @Override
        public void addListener(AsyncListener listener, ServletRequest request, ServletResponse servletResponse) {
            delegate.addListener(listener, request, servletResponse);
        }

        @Override
        public <T extends AsyncListener> T createListener(Class<T> type) throws ServletException {
            return delegate.createListener(type);
        }

        @Override
        public void setTimeout(long timeout) {
            delegate.setTimeout(timeout);
        }

        @Override
        public long getTimeout() {
            return delegate.getTimeout();
        }
    }
}
