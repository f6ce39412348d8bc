package dev.mdb.runtime.internal;

import dev.mdb.config.DatabaseConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/** PostgreSQL through pgjdbc; honours {@code sslmode}. */
public final class PostgresqlTarget extends ServerTarget {
    public PostgresqlTarget(DatabaseConfig config) {
        super(config);
    }

    @Override
    protected int defaultPort() {
        return 5432;
    }

    @Override
    public String urlFor(String database) {
        StringBuilder url = new StringBuilder("jdbc:postgresql://")
                .append(hostForUrl())
                .append(':')
                .append(port())
                .append('/')
                .append(database == null ? "" : encode(database))
                .append("?connectTimeout=10&ApplicationName=mdb");
        String sslmode = config().string("sslmode");
        if (sslmode != null) {
            url.append("&sslmode=").append(encode(sslmode));
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String readOnlySessionSql(boolean readOnly) {
        return "SET SESSION CHARACTERISTICS AS TRANSACTION " + (readOnly ? "READ ONLY" : "READ WRITE");
    }

    @Override
    public boolean isReadOnlyError(SQLException e) {
        return "25006".equals(e.getSQLState());
    }
}
