package dev.mdb.example.trips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TripsOptionsTest {
    @Test
    void parse_noArguments_givesTheDefaults() {
        TripsOptions options = TripsOptions.parse();

        assertThat(options).isEqualTo(TripsOptions.defaults());
        assertThat(options.config()).isEqualTo(Path.of("config/database.yml"));
        assertThat(options.env()).isEqualTo("development");
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.consistency().isCausal()).isTrue();
        assertThat(options.consistency().delay()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void parse_everyOption_isApplied() {
        TripsOptions options = TripsOptions.parse(
                "--config",
                "x/database.yml",
                "--env",
                "cluster",
                "--host",
                "0.0.0.0",
                "--port",
                "0",
                "--consistency",
                "window",
                "--delay-ms",
                "1000");

        assertThat(options)
                .isEqualTo(new TripsOptions(
                        Path.of("x/database.yml"), "cluster", "0.0.0.0", 0, true, Duration.ofSeconds(1)));
        assertThat(options.consistency().isCausal()).isFalse();
        assertThat(options.consistency().delay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void parse_badInput_namesTheOption() {
        assertThatThrownBy(() -> TripsOptions.parse("--consistency", "eventual"))
                .hasMessageContaining("--consistency must be causal or window");
        assertThatThrownBy(() -> TripsOptions.parse("--port", "http")).hasMessageContaining("--port must be a number");
        assertThatThrownBy(() -> TripsOptions.parse("--port", "70000")).hasMessageContaining("--port must be between");
        assertThatThrownBy(() -> TripsOptions.parse("--verbose", "yes")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> TripsOptions.parse("--env")).hasMessageContaining("--env needs a value");
    }
}
