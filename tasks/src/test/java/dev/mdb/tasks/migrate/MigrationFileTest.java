package dev.mdb.tasks.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Migration file names and Rails' display names derived from them. */
class MigrationFileTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "V20261101090000__create_users.sql, true, 20261101090000, create_users",
        "U20261101090000__create_users.sql, false, 20261101090000, create_users",
        "V1__init.sql, true, 1, init",
        "V1.2__add_email.sql, true, 1.2, add_email",
        "V1_2__add_email.sql, true, 1.2, add_email",
        "V20261101090000__create_users.v2.sql, true, 20261101090000, create_users.v2"
    })
    void parse_versionedFile_readsDirectionVersionAndName(String name, boolean up, String version, String snake) {
        MigrationFile file = MigrationFile.parse(Path.of("db", "migrate", name));

        assertThat(file).isNotNull();
        assertThat(file.up()).isEqualTo(up);
        assertThat(file.version().text()).isEqualTo(version);
        assertThat(file.snakeName()).isEqualTo(snake);
        assertThat(file.fileName()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "R__refresh_views.sql",
                "V__no_version.sql",
                "V1__.sql",
                "V1_create.sql",
                "V1__create.txt",
                "create_users.sql",
                "README.md",
                "v1__lower_case.sql",
                "B1__baseline.sql"
            })
    void parse_otherFile_returnsNull(String name) {
        assertThat(MigrationFile.parse(Path.of(name))).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "create_users, CreateUsers",
        "add_email_to_users, AddEmailToUsers",
        "create_oauth2_tokens, CreateOauth2Tokens",
        "create users, CreateUsers",
        "a, A",
        "__leading__and__double__, LeadingAndDouble"
    })
    void className_snakeName_isCamelCase(String snake, String expected) {
        assertThat(MigrationFile.className(snake)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "create_users, Create users",
        "add_email_to_users, Add email to users",
        "create users, Create users",
        "x, X"
    })
    void humanName_snakeName_isRailsHumanized(String snake, String expected) {
        assertThat(MigrationFile.humanName(snake)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"V20261101100000__create_dogs.sql, CreateDogs, Create dogs"})
    void instanceNames_fromParsedFile_matchStaticHelpers(String name, String className, String humanName) {
        MigrationFile file = MigrationFile.parse(Path.of(name));

        assertThat(file.className()).isEqualTo(className);
        assertThat(file.humanName()).isEqualTo(humanName);
    }
}
