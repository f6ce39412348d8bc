package dev.mdb.example.trips;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A curl for the tests: POST and GET {@code /api/trips}, with or without the read-your-writes cookie. */
final class TripsClient {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI trips;

    TripsClient(int port) {
        this.trips = URI.create("http://127.0.0.1:" + port + "/api/trips");
    }

    /** Creates a trip; {@code trace} goes into the SQL comments of the request. */
    TripsResponse post(String name, String trace) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(trips)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Trace", trace)
                .POST(HttpRequest.BodyPublishers.ofString("name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .build();
        return TripsResponse.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /** Lists trips, sending {@code cookie} ({@code mdb_ctx=...}) unless null. */
    TripsResponse get(String cookie, String trace) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(trips).timeout(Duration.ofSeconds(10)).header("X-Trace", trace);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return TripsResponse.of(http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString()));
    }
}
