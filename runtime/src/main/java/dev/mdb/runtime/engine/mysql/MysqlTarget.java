package dev.mdb.runtime.engine.mysql;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.engine.Engine;
import dev.mdb.runtime.engine.ServerTarget;
import java.util.Locale;
import java.util.Set;

/** MySQL and MariaDB through the MariaDB driver; maps Rails' {@code ssl_mode}. */
public final class MysqlTarget extends ServerTarget {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

    public MysqlTarget(DatabaseConfig config, Engine engine) {
        super(config, engine);
    }

    @Override
    protected int defaultPort() {
        return 3306;
    }

    @Override
    public String urlFor(String database) {
        return "jdbc:mariadb://" + hostForUrl() + ":" + port() + "/" + (database == null ? "" : database) + "?sslMode="
                + sslMode();
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
}
