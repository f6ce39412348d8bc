package dev.mdb.runtime.engine.postgresql;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.engine.Engine;
import dev.mdb.runtime.engine.ServerTarget;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** PostgreSQL through pgjdbc; honours {@code sslmode}. */
public final class PostgresqlTarget extends ServerTarget {
    public PostgresqlTarget(DatabaseConfig config, Engine engine) {
        super(config, engine);
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
                .append("?ApplicationName=mdb")
                // Servers from 9.0 on take application_name in the start-up packet; without this the driver sends a
                // SET after connecting, one more round trip on every connection.
                .append("&assumeMinServerVersion=9.0");
        String sslmode = config().string("sslmode");
        if (sslmode != null) {
            url.append("&sslmode=").append(encode(sslmode));
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
