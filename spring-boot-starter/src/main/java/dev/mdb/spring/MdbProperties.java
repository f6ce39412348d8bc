package dev.mdb.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mdb.*} properties. {@code mdb.env} also binds from the {@code MDB_ENV} environment variable (relaxed
 * binding); without either, {@code RAILS_ENV}, else {@code development}.
 */
@ConfigurationProperties("mdb")
public class MdbProperties {
    /** Where database.yml is: a Spring resource location ({@code file:}, {@code classpath:}). */
    private String databaseYml = "file:config/database.yml";

    /** The database.yml environment; null: {@code MDB_ENV}, {@code RAILS_ENV}, else {@code development}. */
    private String env;

    /** What the writing role is called (Rails' {@code writing_role}). */
    private String writingRole = "writing";

    /** What the reading role is called (Rails' {@code reading_role}). */
    private String readingRole = "reading";

    private final Web web = new Web();

    public String getWritingRole() {
        return writingRole;
    }

    public void setWritingRole(String writingRole) {
        this.writingRole = writingRole;
    }

    public String getReadingRole() {
        return readingRole;
    }

    public void setReadingRole(String readingRole) {
        this.readingRole = readingRole;
    }

    public String getDatabaseYml() {
        return databaseYml;
    }

    public void setDatabaseYml(String databaseYml) {
        this.databaseYml = databaseYml;
    }

    public String getEnv() {
        return env;
    }

    public void setEnv(String env) {
        this.env = env;
    }

    public Web getWeb() {
        return web;
    }

    /** {@code mdb.web.*}: the {@code DatabaseSelectorFilter} of a servlet web application. */
    public static class Web {
        /** Whether to register the selector filter (needs mdb-web and a servlet web application). */
        private boolean enabled = true;

        /** How reads honour a client's writes. */
        private Consistency consistency = Consistency.CAUSAL;

        /** Rails' delay: the time window for writes without a replication position. */
        private Duration delay = Duration.ofSeconds(2);

        /** Signs the {@code mdb_ctx} cookie (at least 32 bytes); without it the state lives in the HTTP session. */
        private String cookieSecret;

        /** Whether the cookie is {@code Secure} (HTTPS only). */
        private boolean cookieSecure = true;

        /** Reading requests refuse every write, even inside an explicit writing route. */
        private boolean strict;

        /** Adds the {@code Mdb-Route} response header (names databases: development only). */
        private boolean debugHeader;

        /** The filter's order: after Spring Session's filter, before Spring Security's. */
        private int filterOrder = DEFAULT_FILTER_ORDER;

        public static final int DEFAULT_FILTER_ORDER = Integer.MIN_VALUE + 100;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Consistency getConsistency() {
            return consistency;
        }

        public void setConsistency(Consistency consistency) {
            this.consistency = consistency;
        }

        public Duration getDelay() {
            return delay;
        }

        public void setDelay(Duration delay) {
            this.delay = delay;
        }

        public String getCookieSecret() {
            return cookieSecret;
        }

        public void setCookieSecret(String cookieSecret) {
            this.cookieSecret = cookieSecret;
        }

        public boolean isCookieSecure() {
            return cookieSecure;
        }

        public void setCookieSecure(boolean cookieSecure) {
            this.cookieSecure = cookieSecure;
        }

        public boolean isStrict() {
            return strict;
        }

        public void setStrict(boolean strict) {
            this.strict = strict;
        }

        public boolean isDebugHeader() {
            return debugHeader;
        }

        public void setDebugHeader(boolean debugHeader) {
            this.debugHeader = debugHeader;
        }

        public int getFilterOrder() {
            return filterOrder;
        }

        public void setFilterOrder(int filterOrder) {
            this.filterOrder = filterOrder;
        }

        @Override
        public String toString() {
            // The cookie secret is never printed.
            return "Web[enabled=" + enabled + ", consistency=" + consistency + ", delay=" + delay + ", cookieSecret="
                    + (cookieSecret == null ? "none" : "****") + ", strict=" + strict + "]";
        }
    }

    /** {@code causal}: replicas once they replayed the client's write (PostgreSQL); {@code time-window}: Rails. */
    public enum Consistency {
        CAUSAL,
        TIME_WINDOW
    }
}
