/** The SQLite engine (sqlite-jdbc): database files resolved against the project directory, {@code query_only}. */
package dev.mdb.runtime.engine.sqlite;
