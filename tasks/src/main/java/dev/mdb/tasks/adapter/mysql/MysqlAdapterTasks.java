package dev.mdb.tasks.adapter.mysql;

import dev.mdb.config.Causes;
import dev.mdb.runtime.engine.mysql.MysqlTarget;
import dev.mdb.tasks.schema.ExternalCommand;
import dev.mdb.tasks.spi.ColumnTypes;
import dev.mdb.tasks.spi.MappedColumnTypes;
import dev.mdb.tasks.spi.ServerAdapterTasks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * MySQL and MariaDB through the MariaDB driver: honours {@code encoding} and {@code collation}; DDL is not
 * transactional.
 */
final class MysqlAdapterTasks extends ServerAdapterTasks {
    private final MysqlTarget target;

    MysqlAdapterTasks(MysqlTarget target) {
        super(target);
        this.target = target;
    }

    @Override
    protected String maintenanceDatabase() {
        return null;
    }

    @Override
    protected String createSql() {
        String encoding = config().string("encoding");
        String collation = config().string("collation");
        StringBuilder sql = new StringBuilder("CREATE DATABASE ").append(quote(config().database()));
        sql.append(" DEFAULT CHARACTER SET ").append(quote(encoding == null ? "utf8mb4" : encoding));
        if (collation != null) {
            sql.append(" COLLATE ").append(quote(collation));
        }
        return sql.toString();
    }

    @Override
    public List<String> historyTableDdl(String table) {
        String t = quote(table);
        return List.of(
                "CREATE TABLE " + t + " (`installed_rank` INT NOT NULL, `version` VARCHAR(50),"
                        + " `description` VARCHAR(200) NOT NULL, `type` VARCHAR(20) NOT NULL,"
                        + " `script` VARCHAR(1000) NOT NULL, `checksum` INT, `installed_by` VARCHAR(100) NOT NULL,"
                        + " `installed_on` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, `execution_time` INT NOT NULL,"
                        + " `success` BOOL NOT NULL, CONSTRAINT " + quote(table + "_pk")
                        + " PRIMARY KEY (`installed_rank`)) ENGINE=InnoDB",
                "CREATE INDEX " + quote(table + "_s_idx") + " ON " + t + " (`success`)");
    }

    @Override
    public String currentUserSql() {
        return "SUBSTRING_INDEX(USER(), '@', 1)";
    }

    @Override
    public ColumnTypes columnTypes() {
        return new MappedColumnTypes(
                "id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY",
                Map.ofEntries(
                        Map.entry("float", "DOUBLE"),
                        Map.entry("text", "TEXT"),
                        Map.entry("datetime", "DATETIME(6)"),
                        Map.entry("timestamp", "DATETIME(6)"),
                        Map.entry("json", "JSON"),
                        Map.entry("uuid", "CHAR(36)")),
                true);
    }

    @Override
    public dev.mdb.tasks.schema.SchemaDumper schemaDumper() {
        return new MysqlSchemaDumper();
    }

    @Override
    public ExternalCommand structureDump(Path file) {
        Path options = optionFile();
        return new ExternalCommand(
                List.of(
                        "mysqldump",
                        "--defaults-extra-file=" + options,
                        "--no-data",
                        "--skip-comments",
                        "--skip-dump-date",
                        "--no-tablespaces",
                        "--routines",
                        "--result-file=" + file,
                        databaseForTools()),
                Map.of(),
                null,
                null,
                options);
    }

    @Override
    public ExternalCommand structureLoad(Path file) {
        Path options = optionFile();
        return new ExternalCommand(
                List.of("mysql", "--defaults-extra-file=" + options, databaseForTools()),
                Map.of(),
                file,
                null,
                options);
    }

    /** A mode-600 option file with the credentials, so they never appear on argv. */
    private Path optionFile() {
        StringBuilder text = new StringBuilder("[client]\n");
        text.append("host=").append(host()).append('\n');
        text.append("port=").append(port()).append('\n');
        // As the JDBC driver does: without it the client takes host=localhost to mean the local Unix socket and
        // ignores the port, reaching whatever server listens there instead of the configured one.
        text.append("protocol=TCP\n");
        if (config().username() != null) {
            text.append("user=").append(config().username()).append('\n');
        }
        if (config().password() != null) {
            text.append("password=\"")
                    .append(config().password().replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\"\n");
        }
        if ("disable".equals(target.sslMode())) {
            text.append("skip-ssl\n");
        }
        try {
            Path file = Files.createTempFile(
                    "mdb-mysql-",
                    ".cnf",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new dev.mdb.tasks.TaskFailedException("can't write a MySQL option file: " + Causes.of(e), e);
        }
    }

    @Override
    public void truncate(Connection connection, List<String> tables) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET FOREIGN_KEY_CHECKS = 0");
            try {
                for (String table : tables) {
                    s.execute("TRUNCATE TABLE " + quote(table));
                }
            } finally {
                s.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
        }
    }
}
