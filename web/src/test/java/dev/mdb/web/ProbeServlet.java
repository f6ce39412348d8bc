package dev.mdb.web;

import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.Route;
import dev.mdb.runtime.ShardSwapProhibitedException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application of the web tests: the last path segment names what it does through {@code mdb.dataSource()}, and
 * the body says what happened ({@code read} answers with the marker of the database that served it).
 */
final class ProbeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Mdb mdb;
    private final AtomicInteger calls = new AtomicInteger();

    ProbeServlet(Mdb mdb) {
        this.mdb = mdb;
    }

    /** How many requests reached the servlet. */
    int calls() {
        return calls.get();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        calls.incrementAndGet();
        String path = request.getRequestURI();
        String action = path.substring(path.lastIndexOf('/') + 1);
        if (!action.endsWith("charset")) {
            response.setContentType("text/plain;charset=UTF-8");
        }
        try {
            switch (action) {
                case "read" -> response.getWriter().print(read());
                case "write" -> {
                    insert();
                    response.getWriter().print("wrote");
                }
                case "fail" -> {
                    insert();
                    throw new ServletException("failed after writing");
                }
                case "fail-without-write" -> throw new ServletException("failed without writing");
                case "noop" -> response.getWriter().print("noop");
                case "session-state" -> response.getWriter().print(sessionState(request));
                case "insert" -> response.getWriter().print(tryInsert(false));
                case "insert-explicit" -> response.getWriter().print(tryInsert(true));
                case "write-then-flush" -> {
                    insert();
                    response.getWriter().print("wrote");
                    response.getWriter().flush();
                    response.getWriter().print(" and more");
                }
                case "flush-then-write" -> {
                    response.getWriter().print("flushed");
                    response.flushBuffer();
                    insert();
                }
                case "write-then-redirect" -> {
                    insert();
                    response.sendRedirect("/read");
                }
                case "big" -> {
                    insert();
                    response.getOutputStream().write(new byte[100_000]);
                }
                case "utf8" -> {
                    response.setContentType("text/plain;charset=UTF-8");
                    response.getWriter().print("h\u00e9 \u20ac");
                }
                case "late-charset" -> {
                    response.setContentType("text/plain");
                    response.getWriter().print("h\u00e9");
                    response.setContentType("text/plain;charset=UTF-8");
                }
                case "swap" -> response.getWriter().print(swap(request.getParameter("to")));
                case "async-read", "async-insert", "async-write" -> async(request, action);
                default -> response.sendError(404, "no action " + action);
            }
        } catch (SQLException e) {
            throw new ServletException(e);
        }
    }

    /**
     * Goes async and does the action's work on a container thread through {@code AsyncContext.start}: {@code
     * async-read} answers with the marker read there, {@code async-insert} tries an insert, {@code async-write}
     * inserts; then completes.
     */
    private void async(HttpServletRequest request, String action) {
        jakarta.servlet.AsyncContext async = request.startAsync();
        async.start(() -> {
            try {
                String body = switch (action) {
                    case "async-read" -> read();
                    case "async-insert" -> tryInsert(false);
                    default -> {
                        insert();
                        yield "wrote";
                    }
                };
                async.getResponse().getWriter().print(body);
            } catch (SQLException | IOException e) {
                throw new IllegalStateException(e);
            } finally {
                async.complete();
            }
        });
    }

    /** The read-your-writes state {@link SessionResolverContext} keeps in the session, or {@code none}. */
    private static String sessionState(HttpServletRequest request) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        Object state = session == null ? null : session.getAttribute(SessionResolverContext.DEFAULT_ATTRIBUTE);
        return state == null ? "none" : state.toString();
    }

    private String read() throws SQLException {
        try (Connection c = mdb.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT marker FROM source")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void insert() throws SQLException {
        try (Connection c = mdb.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO items (name) VALUES ('x')");
        }
    }

    private String tryInsert(boolean explicitWritingFrame) {
        try {
            if (explicitWritingFrame) {
                mdb.router().connectedTo(Route.writing().allowWrites()).use(this::insert);
            } else {
                insert();
            }
            return "wrote";
        } catch (SQLException e) {
            return "refused " + e.getSQLState();
        }
    }

    private String swap(String shard) throws SQLException {
        try {
            return mdb.router().connectedTo(Route.shard(shard)).with(this::read);
        } catch (ShardSwapProhibitedException e) {
            return "prohibited: " + e.getMessage();
        }
    }
}
