/** The PostgreSQL engine (pgjdbc): targets, WAL positions ({@link dev.mdb.runtime.engine.postgresql.Lsn}), probes. */
package dev.mdb.runtime.engine.postgresql;
