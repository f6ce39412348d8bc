/** The per-engine service provider interface: one {@code AdapterTasksProvider} per engine, found by ServiceLoader. */
package dev.mdb.tasks.spi;
