package dev.mdb.example.springtrips;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** POST writes (the primary), GET reads (a standby, or the primary until it has the client's writes). */
@RestController
public class TripsController {
    private final JdbcTemplate jdbc;
    private final TripReports reports;

    public TripsController(JdbcTemplate jdbc, TripReports reports) {
        this.jdbc = jdbc;
        this.reports = reports;
    }

    @PostMapping("/trips")
    public Map<String, String> create(@RequestParam("name") String name) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO trips (id, name, created_at) VALUES (?, ?, CURRENT_TIMESTAMP)", id, name);
        return Map.of("id", id, "name", name);
    }

    @GetMapping("/trips/{id}")
    public ResponseEntity<Map<String, Object>> show(
            @PathVariable("id") String id, @RequestParam(name = "marker", defaultValue = "") String marker) {
        List<Map<String, Object>> rows =
                jdbc.queryForList("SELECT id, name FROM trips WHERE id = ? /* " + TripReports.safe(marker) + " */", id);
        return rows.isEmpty() ? ResponseEntity.notFound().build() : ResponseEntity.ok(rows.get(0));
    }

    @GetMapping("/trips/count")
    public Map<String, Long> count(@RequestParam(name = "marker", defaultValue = "") String marker) {
        Long count =
                jdbc.queryForObject("SELECT count(*) FROM trips /* " + TripReports.safe(marker) + " */", Long.class);
        return Map.of("count", count == null ? 0 : count);
    }

    /** A writing request (POST) whose report still reads from a standby: a read-only transaction. */
    @PostMapping("/reports/read-only-transaction")
    public Map<String, Long> readOnlyTransaction(@RequestParam(name = "marker", defaultValue = "") String marker) {
        return Map.of("count", reports.countInReadOnlyTransaction(marker));
    }

    /** A writing request (POST) whose report reads on the reading role: {@code @MdbRoute}. */
    @PostMapping("/reports/reading-role")
    public Map<String, Long> readingRole(@RequestParam(name = "marker", defaultValue = "") String marker) {
        return Map.of("count", reports.countOnReadingRole(marker));
    }
}
