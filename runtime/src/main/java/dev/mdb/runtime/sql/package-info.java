/**
 * Layer 1 of write prevention: classifying SQL text before it is sent.
 *
 * <p>{@link dev.mdb.runtime.sql.StatementClassifier#forDialect(dev.mdb.runtime.sql.Dialect)} is the strict
 * classifier (the default); {@link dev.mdb.runtime.sql.StatementClassifier#rails(dev.mdb.runtime.sql.Dialect)}
 * reproduces Rails' leading-keyword allowlist for parity tests. Both return a {@link
 * dev.mdb.runtime.sql.StatementKind}; {@link dev.mdb.runtime.sql.StatementKind#refusedWhenPreventingWrites()} says
 * whether a route that prevents writes must refuse it. {@link dev.mdb.runtime.sql.SqlPreview} shortens SQL for
 * messages.
 */
package dev.mdb.runtime.sql;
