/**
 * Layer 1 of write prevention: classifying SQL text before it is sent.
 *
 * <p>{@link dev.mdb.runtime.sql.StatementClassifier#forDialect(dev.mdb.runtime.sql.Dialect)} is the strict
 * classifier (the default); {@link dev.mdb.runtime.sql.StatementClassifier#rails(dev.mdb.runtime.sql.Dialect)}
 * reproduces Rails' leading-keyword allowlist for parity tests. Both return a {@link
 * dev.mdb.runtime.sql.StatementKind}; {@link dev.mdb.runtime.sql.StatementKind#refusedWhenPreventingWrites()} says
 * whether a route that prevents writes must refuse it. {@link dev.mdb.runtime.sql.SqlPreview} shortens SQL for
 * messages.
 *
 * <p>Decisions the strict classifier makes where the SQL is ambiguous:
 *
 * <ul>
 *   <li>Text without any statement (empty, blank, only comments or {@code ;}) is {@code READ}: nothing runs.
 *   <li>Anything that turns the read-only session guard (layer 2) back off is {@code WRITE}: {@code READ WRITE} in
 *       {@code SET TRANSACTION}, {@code SET SESSION CHARACTERISTICS}, {@code BEGIN} or {@code START TRANSACTION};
 *       {@code default_transaction_read_only}, {@code transaction_read_only}, {@code tx_read_only} or SQLite {@code
 *       query_only} set to anything but on; {@code RESET ALL}; {@code DISCARD ALL}; {@code set_config} of such a
 *       setting. Turning them on, and {@code SET TRANSACTION ISOLATION LEVEL ...}, is {@code SESSION}.
 *   <li>MySQL {@code SET GLOBAL}/{@code PERSIST}/{@code @@global.x}, {@code SET PASSWORD} and {@code RESET ...} are
 *       {@code WRITE}: they outlive the session.
 *   <li>Advisory and named locks ({@code pg_advisory_lock} family, MySQL {@code GET_LOCK}/{@code RELEASE_LOCK}) are
 *       {@code LOCKING_READ}: they write nothing, but a lock taken on a replica excludes nobody on the primary.
 *   <li>MySQL {@code LAST_INSERT_ID(expr)} and {@code INTO @var}, {@code @x := v} are {@code SESSION};
 *       {@code LAST_INSERT_ID()} is {@code READ}. Any other {@code INTO} in a query is {@code WRITE}.
 *   <li>SQLite {@code PRAGMA}: in short, reading is {@code READ},
 *       connection settings are {@code SESSION}, persistent settings such as {@code journal_mode = WAL} are {@code
 *       WRITE}.
 *   <li>{@code COPY ... TO STDOUT} is {@code READ}; {@code COPY ... TO 'file'} and {@code TO PROGRAM} are {@code
 *       WRITE} (like MySQL's {@code INTO OUTFILE}). SQLite's {@code EXPLAIN} never executes, so it is always {@code
 *       READ}.
 *   <li>A {@code BEGIN} followed by anything but transaction modes is a procedural block ({@code UNKNOWN}); {@code
 *       CALL}, {@code EXECUTE}, PostgreSQL {@code DO} and JDBC {@code {call ...}} are {@code UNKNOWN} unless the
 *       procedure is configured as read-only; MySQL {@code DO expr} is judged like a {@code SELECT}.
 *   <li>Calls of unknown user functions are not detected (layer 2 catches their writes).
 * </ul>
 */
package dev.mdb.runtime.sql;
