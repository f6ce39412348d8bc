package dev.mdb.runtime.engine.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LsnTest {
    @Test
    void parse_highAndLowHalves() {
        assertThat(Lsn.parse("0/16B3748")).isEqualTo(0x16B3748L);
        assertThat(Lsn.parse("1/0")).isEqualTo(1L << 32);
        assertThat(Lsn.parse("FFFFFFFF/FFFFFFFF")).isEqualTo(-1L);
    }

    @Test
    void format_roundTrips() {
        assertThat(Lsn.format(Lsn.parse("A/1B2C"))).isEqualTo("A/1B2C");
    }

    @Test
    void atOrAfter_comparesUnsigned() {
        assertThat(Lsn.atOrAfter(Lsn.parse("FFFFFFFF/0"), Lsn.parse("1/0"))).isTrue();
        assertThat(Lsn.atOrAfter(Lsn.parse("0/10"), Lsn.parse("0/10"))).isTrue();
        assertThat(Lsn.atOrAfter(Lsn.parse("0/F"), Lsn.parse("0/10"))).isFalse();
    }

    @Test
    void parse_malformed_throws() {
        for (String bad : new String[] {"", "/", "0/", "/1", "x/1", "123456789/0", "0/123456789"}) {
            assertThatThrownBy(() -> Lsn.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void recordBoundary_stepsBackOverPageHeaders() {
        assertThat(Lsn.recordBoundary(Lsn.parse("0/2002018"))).isEqualTo(Lsn.parse("0/2002000"));
        assertThat(Lsn.recordBoundary(Lsn.parse("0/3000028"))).isEqualTo(Lsn.parse("0/3000000"));
        assertThat(Lsn.recordBoundary(Lsn.parse("0/2002019"))).isEqualTo(Lsn.parse("0/2002019"));
        assertThat(Lsn.recordBoundary(Lsn.parse("0/2002028"))).isEqualTo(Lsn.parse("0/2002028"));
    }
}
