package dev.mdb.example.springtrips;

import dev.mdb.spring.MdbRoute;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads that may go to a standby even inside a writing request. {@code marker} ends up in a SQL comment, so the
 * servers' statement logs show which one ran the query.
 */
@Service
public class TripReports {
    private final JdbcTemplate jdbc;

    public TripReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A read-only transaction: the connection is read-only before its first statement, so mdb sends it to a standby. */
    @Transactional(readOnly = true)
    public long countInReadOnlyTransaction(String marker) {
        return count(marker);
    }

    /** Rails' {@code connected_to(role: :reading)} as an annotation. */
    @MdbRoute(role = "reading")
    public long countOnReadingRole(String marker) {
        return count(marker);
    }

    private long count(String marker) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM trips /* " + safe(marker) + " */", Long.class);
        return count == null ? 0 : count;
    }

    static String safe(String marker) {
        return marker == null ? "" : marker.replaceAll("[^A-Za-z0-9_-]", "");
    }
}
