package dev.mdb.web.internal;

import dev.mdb.web.RequestView;
import dev.mdb.web.SessionView;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Optional;

/** A servlet request seen as a {@link RequestView}. */
public final class ServletRequestView implements RequestView {
    private final HttpServletRequest request;

    public ServletRequestView(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeader(name));
    }

    @Override
    public Optional<String> cookie(String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(name)) {
                    return Optional.ofNullable(cookie.getValue());
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String host() {
        String host = request.getServerName();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    @Override
    public String path() {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    @Override
    public Optional<SessionView> session(boolean create) {
        HttpSession session;
        try {
            session = request.getSession(create);
        } catch (IllegalStateException e) {
            return Optional.empty(); // the response is committed: no new session any more
        }
        return session == null ? Optional.empty() : Optional.of(new HttpSessionView(session));
    }

    private record HttpSessionView(HttpSession session) implements SessionView {
        @Override
        public Object attribute(String name) {
            try {
                return session.getAttribute(name);
            } catch (IllegalStateException e) {
                return null; // invalidated
            }
        }

        @Override
        public void attribute(String name, Object value) {
            try {
                session.setAttribute(name, value);
            } catch (IllegalStateException e) {
                // invalidated during the request (a logout): nothing to keep
            }
        }
    }
}
