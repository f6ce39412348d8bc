package dev.mdb.tasks.adapter.postgresql;

import dev.mdb.tasks.schema.SchemaDumper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's deterministic schema dump by catalog introspection, without pg_dump: one set-based query per object
 * kind for the whole database, names always schema-qualified, everything ordered by name (or by dependency, then name),
 * never by OID.
 *
 * <p>Written, in this order: schemas (not {@code public}) and their comments; extensions ({@code CREATE EXTENSION IF
 * NOT EXISTS … WITH SCHEMA …}, required ones first, not plpgsql; their member objects are left to the extension); enum
 * types; sequences; tables with columns (type, collation, compression, default, identity with non-default sequence
 * options, generated, NOT NULL), primary key, unique, exclusion and check constraints, storage parameters, comments,
 * column statistics targets, storage and {@code n_distinct} options; sequence ownership ({@code serial}); indexes and
 * {@code CLUSTER ON}; foreign keys and {@code NOT VALID} checks; views (options, column defaults, comments), each after
 * the views it uses.
 *
 * <p>Refused with {@link dev.mdb.tasks.schema.UnsupportedSchemaObjectException} naming the object (see {@link
 * PgUnsupported}): functions, procedures and aggregates, triggers, rules, policies and row-level security, materialized
 * views, partitioned, partition, inheritance-child, typed and foreign tables, columns of composite types, domains and
 * composite/range/base types, user collations, operators and operator classes, text search objects, conversions,
 * statistics objects, casts, languages, access methods, transforms, event triggers, publications, foreign-data wrappers
 * and servers, a non-default replica identity or table access method, column options other than {@code n_distinct}.
 *
 * <p>Left out on purpose, as for any environment-specific state: owners, privileges, tablespaces, sequence values,
 * extension versions, security labels, the database's own comment, and column options whose key starts {@code pg_}
 * (kept by the server itself; pg_dump leaves them out too).
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
        List<String> queries = new ArrayList<>();
        queries.addAll(PgUnsupported.QUERIES);
        queries.addAll(PgSchemas.QUERIES);
        queries.addAll(PgTypes.QUERIES);
        queries.addAll(PgSequences.QUERIES);
        queries.addAll(PgTables.queries(connection.getMetaData().getDatabaseMajorVersion()));
        queries.addAll(PgIndexes.QUERIES);
        queries.addAll(PgViews.QUERIES);
        try (PgBatch batch = new PgBatch(connection, queries)) { // read in the order of the list above
            PgUnsupported.check(batch);
            PgScript out = new PgScript();
            PgSchemas.dump(batch, out);
            PgTypes.dump(batch, out);
            PgSequences sequences = PgSequences.read(batch);
            sequences.dumpCreate(out);
            PgTables tables = PgTables.read(batch, sequences);
            tables.dumpCreate(out);
            sequences.dumpOwnedBy(out);
            PgIndexes.dump(batch, out);
            tables.dumpDeferredConstraints(out);
            PgViews.dump(batch, out, tables);
            return out.text();
        }
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
