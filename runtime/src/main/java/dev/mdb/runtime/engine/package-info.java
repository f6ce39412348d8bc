/**
 * The engine SPI: one {@link dev.mdb.runtime.engine.Engine} per database engine, registered through {@code
 * META-INF/services/dev.mdb.runtime.engine.Engine} and looked up by {@code adapter:} name in {@link
 * dev.mdb.runtime.engine.Engines}. The runtime, the tasks and the console ask the engine for everything that differs
 * between engines (JDBC targets and drivers, dialect, read-only sessions, errors, replication probe and positions,
 * catalog rules, migration lock, timeouts) and decide by its {@link dev.mdb.runtime.engine.Capability capabilities},
 * never by name.
 */
package dev.mdb.runtime.engine;
