package dev.mdb.tasks.adapter.mysql;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.spi.ColumnTypes;
import dev.mdb.tasks.spi.MappedColumnTypes;
import dev.mdb.tasks.spi.ServerAdapterTasks;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MySQL and MariaDB through the MariaDB driver: honours {@code encoding} and {@code collation}; DDL is not
 * transactional.
 */
final class MysqlAdapterTasks extends ServerAdapterTasks {
    private static final int ER_DB_CREATE_EXISTS = 1007;
    private static final int ER_DB_DROP_EXISTS = 1008;
    private static final int ER_BAD_DB_ERROR = 1049;
    private static final int ER_ACCESS_DENIED = 1045;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

    MysqlAdapterTasks(DatabaseConfig config) {
        super(config);
    }

    @Override
    protected int defaultPort() {
        return 3306;
    }

    @Override
    protected String urlFor(String database) {
        return "jdbc:mariadb://" + hostForUrl() + ":" + port() + "/" + (database == null ? "" : database)
                + "?connectTimeout=10000&sslMode=" + sslMode();
    }

    /**
     * Rails' {@code ssl_mode} in the driver's terms. Without one, loopback servers are reached in plain text (as
     * mysql2's default PREFERRED does when the server has no TLS) and remote servers over TLS.
     */
    private String sslMode() {
        String mode = config().string("ssl_mode");
        if (mode == null) {
            return LOOPBACK.contains(host()) ? "disable" : "trust";
        }
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "disabled", "disable" -> "disable";
            case "verify_ca", "verify-ca" -> "verify-ca";
            case "verify_identity", "verify-full" -> "verify-full";
            default -> "trust";
        };
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
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public boolean backslashEscapes() {
        return true;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public ErrorKind classify(SQLException e) {
        switch (e.getErrorCode()) {
            case ER_DB_CREATE_EXISTS:
                return ErrorKind.ALREADY_EXISTS;
            case ER_DB_DROP_EXISTS:
            case ER_BAD_DB_ERROR:
                return ErrorKind.NO_DATABASE;
            case ER_ACCESS_DENIED:
                return ErrorKind.AUTHENTICATION;
            default:
                return classifyByState(e);
        }
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
}
