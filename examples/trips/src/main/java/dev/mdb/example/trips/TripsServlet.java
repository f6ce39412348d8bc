package dev.mdb.example.trips;

import dev.mdb.runtime.ConnectionRouter;
import dev.mdb.runtime.ResolvedTarget;
import dev.mdb.runtime.UnitOfWork;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/trips}: {@code POST} stores a trip (form field or JSON {@code name}) and answers 201; {@code GET} lists
 * the newest trips. Both answer JSON saying which server ran the SQL ({@code served_by}) and which database.yml entry
 * mdb routed to and why ({@code route}). The servlet knows nothing about roles: {@code DatabaseSelectorFilter} runs
 * GET on the reading role and POST on the writing role. A {@code trace} query parameter or {@code X-Trace} header is
 * copied into the SQL comment markers, to find the request's statements in a server log.
 */
final class TripsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TripsServlet.class);
    private static final int MAX_NAME = 255;
    private static final int MAX_BODY = 16 * 1024;

    private final transient TripStore store;
    private final transient ConnectionRouter router;

    TripsServlet(TripStore store, ConnectionRouter router) {
        this.store = store;
        this.router = router;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!isTrips(request)) {
            send(response, HttpServletResponse.SC_NOT_FOUND, error("no such resource; try GET or POST /api/trips"));
            return;
        }
        try {
            TripStore.Listing listing = store.list(trace(request));
            String trips = listing.trips().stream().map(Trip::toJson).collect(Collectors.joining(",\n    "));
            send(
                    response,
                    HttpServletResponse.SC_OK,
                    "{\"served_by\": " + listing.servedBy().toJson() + ",\n  \"route\": " + route()
                            + ",\n  \"trips\": [" + (trips.isEmpty() ? "" : "\n    " + trips + "\n  ") + "]}");
        } catch (SQLException e) {
            failed(request, response, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!isTrips(request)) {
            send(response, HttpServletResponse.SC_NOT_FOUND, error("no such resource; try GET or POST /api/trips"));
            return;
        }
        Optional<String> name = name(request);
        if (name.isEmpty() || name.get().isBlank() || name.get().length() > MAX_NAME) {
            send(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    error("a trip needs a name of 1 to " + MAX_NAME + " characters: -d name=Lisbon or"
                            + " {\"name\": \"Lisbon\"}"));
            return;
        }
        try {
            TripStore.Created created = store.create(name.get().strip(), trace(request));
            send(
                    response,
                    HttpServletResponse.SC_CREATED,
                    "{\"trip\": " + created.trip().toJson() + ",\n  \"served_by\": "
                            + created.servedBy().toJson() + ",\n  \"route\": " + route() + "}");
        } catch (SQLException e) {
            failed(request, response, e);
        }
    }

    private static boolean isTrips(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/api/trips") || path.equals("/api/trips/");
    }

    /** The {@code name} of a form post, or of a JSON body. */
    private static Optional<String> name(HttpServletRequest request) throws IOException {
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            return Optional.ofNullable(request.getParameter("name"));
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY);
        return Json.stringField(new String(body, StandardCharsets.UTF_8), "name");
    }

    private static String trace(HttpServletRequest request) {
        String header = request.getHeader("X-Trace");
        return header != null ? header : request.getParameter("trace");
    }

    /** Where mdb routed this request so far: one object per group/shard used (what the Mdb-Route header says). */
    private String route() {
        UnitOfWork unit = router.unitOfWork();
        if (unit == null) {
            return "[]";
        }
        List<ResolvedTarget> targets = new ArrayList<>(unit.targets().values());
        targets.sort(Comparator.comparing((ResolvedTarget t) -> t.group())
                .thenComparing(t -> t.shard().name()));
        List<String> json = new ArrayList<>();
        for (ResolvedTarget target : targets) {
            json.add("{\"group\": " + Json.quote(target.group()) + ", \"shard\": "
                    + Json.quote(target.shard().name())
                    + ", \"role\": " + Json.quote(target.role().name()) + ", \"entry\": " + Json.quote(target.entry())
                    + ", \"reason\": " + Json.quote(target.reason().label()) + "}");
        }
        return "[" + String.join(", ", json) + "]";
    }

    private static void failed(HttpServletRequest request, HttpServletResponse response, SQLException e)
            throws IOException {
        LOG.warn("{} {} failed: {} (SQLState {})", request.getMethod(), request.getRequestURI(), e, e.getSQLState());
        send(
                response,
                HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                error(e.getMessage() + " (SQLState " + e.getSQLState() + ")"));
    }

    private static String error(String message) {
        return "{\"error\": " + Json.quote(message) + "}";
    }

    private static void send(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().print(json + "\n");
    }
}
