package dev.mdb.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShardResolverTest {
    @Test
    void header_trimmedValue_blankIsMissing() {
        ShardResolver resolver = ShardResolver.header("X-Shard");

        assertThat(resolver.resolve(new FakeExchange("GET").header("X-Shard", " shard_one ")))
                .hasValue("shard_one");
        assertThat(resolver.resolve(new FakeExchange("GET").header("X-Shard", "  ")))
                .isEmpty();
        assertThat(resolver.resolve(new FakeExchange("GET"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            value = {
                "shard_one.example.com, shard_one",
                "a.b.example.com, a",
                "example.com, ",
                "localhost, ",
                "127.0.0.1, ",
                "'', "
            },
            emptyValue = "")
    void subdomain_firstLabelOfThreeOrMore(String host, String shard) {
        assertThat(ShardResolver.subdomain().resolve(new FakeExchange("GET").host(host)))
                .isEqualTo(java.util.Optional.ofNullable(shard));
    }

    @ParameterizedTest
    @CsvSource({
        "shard_one.example.com, shard_one",
        "a.shard_one.example.com, shard_one",
        "example.com, ",
        "shard_one.example.org, ",
        "notexample.com, "
    })
    void subdomain_baseDomain_labelBeforeIt(String host, String shard) {
        assertThat(ShardResolver.subdomain("Example.com").resolve(new FakeExchange("GET").host(host)))
                .isEqualTo(java.util.Optional.ofNullable(shard));
    }

    @ParameterizedTest
    @CsvSource({"/shard_one/trips, shard_one", "/shard_one, shard_one", "/, ", "//trips, "})
    void pathPrefix_firstSegment(String path, String shard) {
        assertThat(ShardResolver.pathPrefix().resolve(new FakeExchange("GET").path(path)))
                .isEqualTo(java.util.Optional.ofNullable(shard));
    }
}
