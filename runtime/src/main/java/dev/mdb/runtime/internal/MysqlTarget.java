package dev.mdb.runtime.internal;

import dev.mdb.config.DatabaseConfig;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/** MySQL and MariaDB through the MariaDB driver; maps Rails' {@code ssl_mode}. */
public final class MysqlTarget extends ServerTarget {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

    public MysqlTarget(DatabaseConfig config) {
        super(config);
    }

    @Override
    protected int defaultPort() {
        return 3306;
    }

    @Override
    public String urlFor(String database) {
        return "jdbc:mariadb://" + hostForUrl() + ":" + port() + "/" + (database == null ? "" : database)
                + "?connectTimeout=10000&sslMode=" + sslMode();
    }

    /**
     * Rails' {@code ssl_mode} in the driver's terms. Without one, loopback servers are reached in plain text (as
     * mysql2's default PREFERRED does when the server has no TLS) and remote servers over TLS.
     */
    public String sslMode() {
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
    public String readOnlySessionSql(boolean readOnly) {
        return "SET SESSION TRANSACTION " + (readOnly ? "READ ONLY" : "READ WRITE");
    }

    @Override
    public boolean isReadOnlyError(SQLException e) {
        // 1792: ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION; 1290/1836: --read-only server.
        return "25006".equals(e.getSQLState())
                || e.getErrorCode() == 1792
                || e.getErrorCode() == 1290
                || e.getErrorCode() == 1836;
    }
}
