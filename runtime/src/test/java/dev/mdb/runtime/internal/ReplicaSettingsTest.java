package dev.mdb.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.DatabaseConfigurations;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaSettingsTest {
    private static DatabaseConfig primary(String settings) {
        return DatabaseConfigurations.parse(
                        "development:\n  primary:\n    adapter: sqlite3\n    database: db.sqlite3\n" + settings,
                        "database.yml",
                        "development",
                        Map.of())
                .find("development", "primary")
                .orElseThrow();
    }

    @Test
    void maxBackoff_defaultOneSecond_secondsAsWritten() {
        assertThat(ReplicaSettings.maxBackoff(primary(""))).isEqualTo(Duration.ofSeconds(1));
        assertThat(ReplicaSettings.maxBackoff(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ReplicaSettings.maxBackoff(primary("    health_check_max_backoff: 0.5\n")))
                .isEqualTo(Duration.ofMillis(500));
        assertThat(ReplicaSettings.maxBackoff(primary("    health_check_max_backoff: 30\n")))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void maxBackoff_notANumber_namesKeyDatabaseAndFix() {
        assertThatThrownBy(() -> ReplicaSettings.maxBackoff(primary("    health_check_max_backoff: soon\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("invalid health_check_max_backoff 'soon' for database 'primary' (")
                .hasMessageEndingWith("). Use a number of seconds, e.g. 0.5.");
    }
}
