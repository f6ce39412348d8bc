package dev.mdb.web;

import dev.mdb.web.internal.FilterBodies;
import dev.mdb.web.internal.ServletRequestView;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The servlet filter of a {@link ShardSelector}: runs each request on its shard (shard swapping prohibited unless the
 * selector's {@code lock} is off). A request for a shard the group does not have is answered here, 404 (or the
 * configured status) with a plain-text body naming the shard, and never reaches the application or any database; so
 * is a request naming no shard when the selector requires one (400).
 *
 * <p>Register it before (outside) {@link DatabaseSelectorFilter}: the client's read-your-writes state is kept per
 * shard, so the shard must be known when the database selector starts.
 */
public final class ShardSelectorFilter implements Filter {
    private final ShardSelector selector;

    public ShardSelectorFilter(ShardSelector selector) {
        this.selector = Objects.requireNonNull(selector, "selector");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        ShardSelection selection = selector.select(new ServletRequestView(request));
        if (selection.rejected()) {
            reject(response, selection);
            return;
        }
        FilterBodies.run(selection::use, () -> chain.doFilter(request, response));
    }

    private static void reject(HttpServletResponse response, ShardSelection selection) throws IOException {
        byte[] body = (selection.message() + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(selection.status());
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    public ShardSelector selector() {
        return selector;
    }

    @Override
    public String toString() {
        return "ShardSelectorFilter[" + selector + "]";
    }
}
