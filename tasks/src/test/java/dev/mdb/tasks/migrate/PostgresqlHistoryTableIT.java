package dev.mdb.tasks.migrate;

import dev.mdb.testsupport.DatabaseServerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link HistoryTableScenarios} on PostgreSQL. */
@Tag("postgresql")
class PostgresqlHistoryTableIT extends HistoryTableScenarios {
    @RegisterExtension
    static final DatabaseServerExtension POSTGRES = DatabaseServerExtension.postgres();

    @Override
    DatabaseServerExtension server() {
        return POSTGRES;
    }
}
