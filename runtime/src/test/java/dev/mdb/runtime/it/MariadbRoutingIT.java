package dev.mdb.runtime.it;

import dev.mdb.testsupport.DatabaseServerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("mariadb")
class MariadbRoutingIT extends RoutingScenarios {
    @RegisterExtension
    static final DatabaseServerExtension SERVER = DatabaseServerExtension.mariadb();

    @Override
    DatabaseServerExtension server() {
        return SERVER;
    }
}
