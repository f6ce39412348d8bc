/**
 * The task adapters of an engine family: one {@code AdapterTasksProvider} per family, found by ServiceLoader, making
 * one {@code AdapterTasks} per configuration (create, drop, purge, schema dumps and loads, truncation, column types).
 * Adapter names, connections, dialect, errors and capabilities belong to the engine ({@code dev.mdb.runtime.engine}).
 */
package dev.mdb.tasks.spi;
