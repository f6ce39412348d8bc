package dev.mdb.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsistencyStateTest {
    @Test
    void encode_decode_roundTrips() {
        ConsistencyState state = ConsistencyState.empty()
                .with(RouteKey.of("primary", "default"), new WriteMark(1_700_000_000_123L, "pg:7310:0/16b3748"))
                .with(RouteKey.of("animals", "shard one|x,y"), WriteMark.at(5));
        String text = state.encode();
        assertThat(text).doesNotContain(" ", ";", "\"");
        assertThat(ConsistencyState.decode(text)).contains(state);
    }

    @Test
    void decode_malformed_isEmpty() {
        for (String bad : new String[] {
            "",
            "2,primary|default|5",
            "1,primary|default",
            "1,primary|default|x",
            "1,|default|5",
            "1,primary|default|-1",
            "1,primary|default|5|bad position!",
            "1,primary|default|5|p|q",
            "1,%zz|d|5"
        }) {
            assertThat(ConsistencyState.decode(bad)).as(bad).isEmpty();
        }
        assertThat(ConsistencyState.decode(null)).isEmpty();
        assertThat(ConsistencyState.decode("1," + "a".repeat(5000) + "|d|5")).isEmpty();
    }

    @Test
    void decode_versionOnly_isEmptyState() {
        assertThat(ConsistencyState.decode("1")).contains(ConsistencyState.empty());
    }

    @Test
    void withoutMarksBefore_dropsOldMarks() {
        ConsistencyState state = ConsistencyState.of(Map.of(
                RouteKey.of("primary", "default"), WriteMark.at(100),
                RouteKey.of("animals", "default"), WriteMark.at(200)));
        assertThat(state.withoutMarksBefore(150).marks()).containsOnlyKeys(RouteKey.of("animals", "default"));
    }

    @Test
    void retaining_dropsRejectedMarks_keepsTheSameStateWhenAllStay() {
        ConsistencyState state = ConsistencyState.of(Map.of(
                RouteKey.of("primary", "default"), WriteMark.at(100),
                RouteKey.of("animals", "default"), WriteMark.at(200)));

        assertThat(state.retaining((key, mark) -> true)).isSameAs(state);
        assertThat(state.retaining((key, mark) -> key.group().equals("animals")).marks())
                .containsOnlyKeys(RouteKey.of("animals", "default"));
        assertThat(state.retaining((key, mark) -> false)).isSameAs(ConsistencyState.empty());
    }

    @Test
    void withoutPositions_keepsTimes() {
        ConsistencyState state =
                ConsistencyState.empty().with(RouteKey.of("primary", "default"), new WriteMark(100, "pg:1:0/1"));
        assertThat(state.withoutPositions().marks())
                .containsEntry(RouteKey.of("primary", "default"), WriteMark.at(100));
    }
}
