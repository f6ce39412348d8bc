package dev.mdb.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.runtime.ConsistencyState;
import dev.mdb.runtime.ReadConsistency;
import dev.mdb.runtime.RouteKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The framework-neutral core, driven without a server. */
class DatabaseSelectorTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef-neutral";

    @TempDir
    Path dir;

    private WebFixture fixture;

    @AfterEach
    void tearDown() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private DatabaseSelector selector(Map<String, String> entries, boolean strict) throws Exception {
        fixture = WebFixture.create(dir, entries);
        return DatabaseSelector.builder(fixture.mdb())
                .consistency(ReadConsistency.timeWindow(Duration.ofSeconds(30)))
                .context(HeaderResolverContext.builder().secret(SECRET).build())
                .strict(strict)
                .build();
    }

    @Test
    void handle_writeThenRead_headerCarriesTheClientsWrite() throws Exception {
        DatabaseSelector selector = selector(WebFixture.PRIMARY_AND_REPLICA, false);
        FakeExchange post = new FakeExchange("POST");

        selector.handle(post, post, () -> execute("INSERT INTO items (name) VALUES ('x')"));
        String token = post.responseHeaders("Mdb-Consistency").get(0);
        FakeExchange get = new FakeExchange("GET").header("Mdb-Consistency", token);

        assertThat(selector.handle(get, get, this::marker)).isEqualTo("primary");
        FakeExchange other = new FakeExchange("GET");
        assertThat(selector.handle(other, other, this::marker)).isEqualTo("replica");
        assertThat(other.responseHeaders("Mdb-Consistency")).isEmpty();
    }

    @Test
    void select_readingRequest_strict_unitRefusesWrites() throws Exception {
        DatabaseSelection selection =
                selector(WebFixture.PRIMARY_AND_REPLICA, true).select(new FakeExchange("GET"));

        assertThat(selection.reading()).isTrue();
        assertThat(selection.unitOfWork().writesRefused()).isTrue();
        assertThat(selection.unitOfWork().client()).isEqualTo(ConsistencyState.empty());
    }

    @Test
    void select_writingRequest_strict_unitTakesWrites() throws Exception {
        DatabaseSelection selection =
                selector(WebFixture.PRIMARY_AND_REPLICA, true).select(new FakeExchange("PUT"));

        assertThat(selection.reading()).isFalse();
        assertThat(selection.unitOfWork().writesRefused()).isFalse();
        selection.use(() -> execute("INSERT INTO items (name) VALUES ('x')"));
        assertThat(selection.unitOfWork().writes()).containsExactly(RouteKey.of("primary", "default"));
    }

    @Test
    void select_noGroupHasReadingRole_readingRequestStaysOnWriter() throws Exception {
        DatabaseSelector selector = selector(Map.of("primary", "database: primary.sqlite3"), false);
        FakeExchange get = new FakeExchange("GET");

        assertThat(selector.handle(get, get, this::marker)).isEqualTo("primary");
    }

    @Test
    void commit_twice_savesOnce() throws Exception {
        DatabaseSelection selection =
                selector(WebFixture.PRIMARY_AND_REPLICA, false).select(new FakeExchange("POST"));
        FakeExchange response = new FakeExchange("POST");
        selection.use(() -> execute("INSERT INTO items (name) VALUES ('x')"));

        selection.commit(response);
        selection.commit(response);

        assertThat(selection.committed()).isTrue();
        assertThat(response.responseHeaders("Mdb-Consistency")).hasSize(1);
    }

    @Test
    void builder_delay_keepsTheStrategy() throws Exception {
        fixture = WebFixture.create(dir, WebFixture.PRIMARY_AND_REPLICA);

        ReadConsistency causal = DatabaseSelector.builder(fixture.mdb())
                .delay(Duration.ofSeconds(1))
                .build()
                .consistency();
        ReadConsistency window = DatabaseSelector.builder(fixture.mdb())
                .consistency(ReadConsistency.timeWindow(Duration.ofSeconds(2)))
                .delay(Duration.ofSeconds(5))
                .build()
                .consistency();

        assertThat(causal.isCausal()).isTrue();
        assertThat(causal.delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(window.isCausal()).isFalse();
        assertThat(window.delay()).isEqualTo(Duration.ofSeconds(5));
    }

    private String marker() throws SQLException {
        try (Connection c = fixture.mdb().dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT marker FROM source")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Void execute(String sql) throws SQLException {
        try (Connection c = fixture.mdb().dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
        return null;
    }
}
