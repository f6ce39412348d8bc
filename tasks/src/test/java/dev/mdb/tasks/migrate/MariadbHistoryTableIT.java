package dev.mdb.tasks.migrate;

import dev.mdb.testsupport.DatabaseServerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link HistoryTableScenarios} on MariaDB. */
@Tag("mariadb")
class MariadbHistoryTableIT extends HistoryTableScenarios {
    @RegisterExtension
    static final DatabaseServerExtension MARIADB = DatabaseServerExtension.mariadb();

    @Override
    DatabaseServerExtension server() {
        return MARIADB;
    }
}
