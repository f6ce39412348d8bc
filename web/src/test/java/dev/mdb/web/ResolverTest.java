package dev.mdb.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResolverTest {
    @ParameterizedTest
    @CsvSource({
        "GET, true, true",
        "HEAD, true, true",
        "get, true, true",
        "OPTIONS, false, true",
        "POST, false, false",
        "PUT, false, false",
        "PATCH, false, false",
        "DELETE, false, false",
        "PROPFIND, false, false"
    })
    void isReadingRequest_byMethod(String method, boolean reading, boolean readingWithOptions) {
        FakeExchange request = new FakeExchange(method);

        assertThat(Resolver.safeMethods().isReadingRequest(request)).isEqualTo(reading);
        assertThat(Resolver.safeMethods(true).isReadingRequest(request)).isEqualTo(readingWithOptions);
    }
}
