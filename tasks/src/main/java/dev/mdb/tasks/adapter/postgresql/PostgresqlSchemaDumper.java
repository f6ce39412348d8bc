package dev.mdb.tasks.adapter.postgresql;

import dev.mdb.tasks.schema.SchemaDumper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL's deterministic schema dump by catalog introspection, without pg_dump: one set-based query per object
 * kind for the whole database, names always schema-qualified, everything ordered by name (or by dependency, then name),
 * no owners, privileges, tablespaces, OIDs or sequence values.
 *
 * <p>Written, in this order: schemas; extensions ({@code CREATE EXTENSION IF NOT EXISTS}, their objects left to the
 * extension); enum types; sequences; tables with columns (defaults, identity, generated, collation, compression), primary
 * key, unique, exclusion and check constraints, comments, column statistics/storage; sequence ownership (serial);
 * indexes and {@code CLUSTER ON}; foreign keys and {@code NOT VALID} checks; views, views they use first.
 *
 * <p>Refused with {@link dev.mdb.tasks.schema.UnsupportedSchemaObjectException} (see {@link PgUnsupported}): functions
 * and procedures, triggers, rules, policies and row-level security, materialized views, partitioned, inherited, typed
 * and foreign tables, domains and composite/range/base types, user collations, operators, text search objects,
 * statistics objects, casts, event triggers, publications, foreign servers, non-default replica identity or table access
 * method, per-column options.
 */
final class PostgresqlSchemaDumper implements SchemaDumper {

    @Override
    public String dump(Connection connection) throws SQLException {
        String searchPath = setSearchPath(connection, "");
        String sql;
        try {
            sql = dumpQualified(connection);
        } catch (SQLException | RuntimeException e) {
            try {
                setSearchPath(connection, searchPath);
            } catch (SQLException restore) {
                e.addSuppressed(restore);
            }
            throw e;
        }
        setSearchPath(connection, searchPath);
        return sql;
    }

    /**
     * With an empty {@code search_path} the server's deparsers qualify every name outside pg_catalog, so the dump
     * does not depend on the caller's path and loads under any.
     */
    private static String dumpQualified(Connection connection) throws SQLException {
        PgUnsupported.check(connection);
        int version = connection.getMetaData().getDatabaseMajorVersion();
        PgScript out = new PgScript();
        PgSchemas.dump(connection, out);
        PgTypes.dump(connection, out);
        PgSequences sequences = PgSequences.read(connection);
        sequences.dumpCreate(out);
        PgTables tables = PgTables.read(connection, version);
        tables.dumpCreate(out);
        sequences.dumpOwnedBy(out);
        PgIndexes.dump(connection, out);
        tables.dumpDeferredConstraints(out);
        PgViews.dump(connection, out, tables);
        return out.text();
    }

    /** Sets the session's {@code search_path} and returns the previous one. */
    private static String setSearchPath(Connection connection, String path) throws SQLException {
        String previous;
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_catalog.current_setting('search_path')");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            previous = rs.getString(1);
        }
        try (PreparedStatement s =
                connection.prepareStatement("SELECT pg_catalog.set_config('search_path', ?, false)")) {
            s.setString(1, path);
            s.executeQuery().close();
        }
        return previous;
    }
}
