package dev.mdb.testsupport;

import java.util.List;
import java.util.Properties;

/**
 * The database servers the integration tests run against, with everything that differs between them: defaults, JDBC
 * URL prefix, identifier and literal quoting, and the administrative SQL the extension runs.
 */
enum Engine {
    POSTGRESQL(
            "PostgreSQL",
            "postgresql",
            "MDB_IT_POSTGRES_URL",
            5432,
            "postgres",
            "postgres",
            "jdbc:postgresql://",
            "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
            "postgresql://postgres@127.0.0.1:5432/postgres") {

        @Override
        List<String> urlSchemes() {
            return List.of("postgresql", "postgres");
        }

        @Override
        String quoteIdentifier(String identifier) {
            return '"' + identifier.replace("\"", "\"\"") + '"';
        }

        @Override
        String quoteLiteral(String value) {
            // standard_conforming_strings is on by default since PostgreSQL 9.1: only quotes need doubling.
            return '\'' + value.replace("'", "''") + '\'';
        }

        @Override
        String dropDatabaseSql(String database) {
            // WITH (FORCE) (PostgreSQL 13+) ends sessions a test left open instead of failing the drop.
            return "DROP DATABASE IF EXISTS " + quoteIdentifier(database) + " WITH (FORCE)";
        }

        @Override
        String databaseExistsQuery() {
            return "SELECT 1 FROM pg_database WHERE datname = ?";
        }

        @Override
        List<String> createReadOnlyRoleSql(String role, String password, String database) {
            return List.of(
                    "CREATE ROLE " + quoteIdentifier(role) + " LOGIN PASSWORD " + quoteLiteral(password),
                    "GRANT CONNECT ON DATABASE " + quoteIdentifier(database) + " TO " + quoteIdentifier(role));
        }

        @Override
        List<String> grantReadOnlyInDatabaseSql(String role) {
            String grantee = quoteIdentifier(role);
            return List.of(
                    "GRANT USAGE ON SCHEMA public TO " + grantee,
                    "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + grantee,
                    "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO " + grantee);
        }

        @Override
        List<String> revokeInDatabaseSql(String role) {
            // Removes the grants and default privileges held in the current database, which DROP ROLE refuses.
            return List.of("DROP OWNED BY " + quoteIdentifier(role));
        }

        @Override
        List<String> dropRoleSql(String role) {
            return List.of("DROP ROLE IF EXISTS " + quoteIdentifier(role));
        }

        @Override
        Properties connectionProperties(int timeoutSeconds) {
            Properties properties = new Properties();
            properties.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
            properties.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
            return properties;
        }
    },

    MARIADB(
            "MariaDB",
            "mysql2",
            "MDB_IT_MARIADB_URL",
            3306,
            "root",
            "",
            "jdbc:mariadb://",
            "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd",
            "mysql://root@127.0.0.1:3306/") {

        @Override
        List<String> urlSchemes() {
            return List.of("mysql", "mysql2", "mariadb", "trilogy");
        }

        @Override
        String jdbcParameters() {
            // MariaDB Connector/J 4.x requires TLS unless told otherwise, and the CI server offers none: "allow" uses
            // TLS where the server offers it. In the URL so that connections a test opens itself work too.
            return "?sslMode=allow";
        }

        @Override
        String quoteIdentifier(String identifier) {
            return '`' + identifier.replace("`", "``") + '`';
        }

        @Override
        String quoteLiteral(String value) {
            // Backslash is an escape character unless NO_BACKSLASH_ESCAPES is set.
            return '\'' + value.replace("\\", "\\\\").replace("'", "''") + '\'';
        }

        @Override
        String dropDatabaseSql(String database) {
            return "DROP DATABASE IF EXISTS " + quoteIdentifier(database);
        }

        @Override
        String databaseExistsQuery() {
            return "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?";
        }

        @Override
        List<String> createReadOnlyRoleSql(String role, String password, String database) {
            // Both hosts: an anonymous ''@'localhost' account would otherwise shadow 'role'@'%' for local clients.
            String any = quoteLiteral(role) + "@'%'";
            String local = quoteLiteral(role) + "@'localhost'";
            String on = quoteIdentifier(database) + ".*";
            return List.of(
                    "CREATE USER " + any + " IDENTIFIED BY " + quoteLiteral(password),
                    "CREATE USER " + local + " IDENTIFIED BY " + quoteLiteral(password),
                    "GRANT SELECT ON " + on + " TO " + any,
                    "GRANT SELECT ON " + on + " TO " + local);
        }

        @Override
        List<String> grantReadOnlyInDatabaseSql(String role) {
            return List.of();
        }

        @Override
        List<String> revokeInDatabaseSql(String role) {
            return List.of();
        }

        @Override
        List<String> dropRoleSql(String role) {
            return List.of(
                    "DROP USER IF EXISTS " + quoteLiteral(role) + "@'%', " + quoteLiteral(role) + "@'localhost'");
        }

        @Override
        Properties connectionProperties(int timeoutSeconds) {
            Properties properties = new Properties();
            properties.setProperty("connectTimeout", Integer.toString(timeoutSeconds * 1000));
            return properties;
        }
    };

    private final String displayName;
    private final String adapter;
    private final String urlVariable;
    private final int defaultPort;
    private final String defaultUsername;
    private final String maintenanceDatabase;
    private final String jdbcPrefix;
    private final String startCommand;
    private final String exampleUrl;

    Engine(
            String displayName,
            String adapter,
            String urlVariable,
            int defaultPort,
            String defaultUsername,
            String maintenanceDatabase,
            String jdbcPrefix,
            String startCommand,
            String exampleUrl) {
        this.displayName = displayName;
        this.adapter = adapter;
        this.urlVariable = urlVariable;
        this.defaultPort = defaultPort;
        this.defaultUsername = defaultUsername;
        this.maintenanceDatabase = maintenanceDatabase;
        this.jdbcPrefix = jdbcPrefix;
        this.startCommand = startCommand;
        this.exampleUrl = exampleUrl;
    }

    /** "PostgreSQL" or "MariaDB", for messages. */
    String displayName() {
        return displayName;
    }

    /** The database.yml {@code adapter:} value. */
    String adapter() {
        return adapter;
    }

    /** The environment variable that points the tests at a server. */
    String urlVariable() {
        return urlVariable;
    }

    /** URL schemes accepted in {@link #urlVariable()}, lower case. */
    abstract List<String> urlSchemes();

    int defaultPort() {
        return defaultPort;
    }

    String defaultUsername() {
        return defaultUsername;
    }

    /** The database administrative connections use; empty for "no database". */
    String maintenanceDatabase() {
        return maintenanceDatabase;
    }

    String jdbcPrefix() {
        return jdbcPrefix;
    }

    /** The shell command that starts the server on the CI machine. */
    String startCommand() {
        return startCommand;
    }

    String exampleUrl() {
        return exampleUrl;
    }

    /** Driver parameters appended to every JDBC URL, starting with {@code ?}; empty for none. */
    String jdbcParameters() {
        return "";
    }

    /** The server the CI machine runs on loopback (trust auth / empty root password). */
    ServerAddress loopbackDefault() {
        return new ServerAddress("127.0.0.1", defaultPort, defaultUsername, null, maintenanceDatabase);
    }

    abstract String quoteIdentifier(String identifier);

    abstract String quoteLiteral(String value);

    String createDatabaseSql(String database) {
        return "CREATE DATABASE " + quoteIdentifier(database);
    }

    abstract String dropDatabaseSql(String database);

    /** A query with one parameter, the database name, that returns a row when the database exists. */
    abstract String databaseExistsQuery();

    /** Statements run on the administrative connection to create a login that can only read {@code database}. */
    abstract List<String> createReadOnlyRoleSql(String role, String password, String database);

    /** Statements run while connected to the database itself, after {@link #createReadOnlyRoleSql}. */
    abstract List<String> grantReadOnlyInDatabaseSql(String role);

    /** Statements run while connected to a still-existing database before the role is dropped. */
    abstract List<String> revokeInDatabaseSql(String role);

    abstract List<String> dropRoleSql(String role);

    /** Driver properties bounding the connect and login time. */
    abstract Properties connectionProperties(int timeoutSeconds);
}
