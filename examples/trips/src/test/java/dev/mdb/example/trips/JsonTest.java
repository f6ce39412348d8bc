package dev.mdb.example.trips;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void quote_specialCharacters_areEscaped() {
        assertThat(Json.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
        assertThat(Json.quote(null)).isEqualTo("null");
    }

    @Test
    void stringField_flatObject_readsTheValue() {
        assertThat(Json.stringField("{\"name\": \"Porto \\u00e9 \\\"x\\\"\"}", "name"))
                .hasValue("Porto é \"x\"");
        assertThat(Json.stringField("{ \"id\" : 1, \"name\":\"Faro\" }", "name"))
                .hasValue("Faro");
    }

    @Test
    void stringField_missingOrNotAString_isEmpty() {
        assertThat(Json.stringField("{\"title\": \"Faro\"}", "name")).isEmpty();
        assertThat(Json.stringField("{\"name\": 3}", "name")).isEmpty();
        assertThat(Json.stringField("not json", "name")).isEmpty();
    }
}
