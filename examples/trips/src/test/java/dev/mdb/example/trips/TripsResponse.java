package dev.mdb.example.trips;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One answer of the trips app, with the fields the tests look at pulled out of its JSON and headers. */
record TripsResponse(int status, String body, List<String> routes, String cookie) {
    private static final Pattern PORT = Pattern.compile("\"served_by\": \\{[^}]*\"port\": (\\d+)");
    private static final Pattern STANDBY = Pattern.compile("\"served_by\": \\{[^}]*\"standby\": (true|false)");

    static TripsResponse of(HttpResponse<String> response) {
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("mdb_ctx="))
                .map(value -> value.substring(0, value.indexOf(';') < 0 ? value.length() : value.indexOf(';')))
                .findFirst()
                .orElse(null);
        return new TripsResponse(
                response.statusCode(), response.body(), response.headers().allValues("Mdb-Route"), cookie);
    }

    /** The port of the server that ran the request's SQL ({@code served_by.port}), or -1. */
    int port() {
        Matcher matcher = PORT.matcher(body);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** {@code served_by.standby}: whether that server was in recovery. */
    boolean standby() {
        Matcher matcher = STANDBY.matcher(body);
        return matcher.find() && Boolean.parseBoolean(matcher.group(1));
    }

    /** The last word of the one {@code Mdb-Route} header: why the request went where it went. */
    String reason() {
        if (routes.size() != 1) {
            return "(" + routes.size() + " Mdb-Route headers: " + routes + ")";
        }
        String route = routes.get(0);
        return route.substring(route.lastIndexOf(' ') + 1);
    }

    /** The entry of the one {@code Mdb-Route} header ({@code primary}, {@code primary_replica_1}, ...). */
    String entry() {
        if (routes.size() != 1) {
            return "(" + routes.size() + " Mdb-Route headers: " + routes + ")";
        }
        String[] words = routes.get(0).split(" ", -1);
        return words.length == 4 ? words[2] : routes.get(0);
    }

    boolean lists(String tripName) {
        return body.contains("\"name\": " + Json.quote(tripName));
    }

    @Override
    public String toString() {
        return "HTTP " + status + ", Mdb-Route " + routes + (cookie == null ? "" : ", sets mdb_ctx") + ", body:\n"
                + body;
    }
}
