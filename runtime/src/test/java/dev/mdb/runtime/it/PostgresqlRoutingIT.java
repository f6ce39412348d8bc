package dev.mdb.runtime.it;

import dev.mdb.testsupport.DatabaseServerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("postgresql")
class PostgresqlRoutingIT extends RoutingScenarios {
    @RegisterExtension
    static final DatabaseServerExtension SERVER = DatabaseServerExtension.postgres();

    @Override
    DatabaseServerExtension server() {
        return SERVER;
    }
}
