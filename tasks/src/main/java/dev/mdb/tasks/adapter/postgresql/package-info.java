/** The PostgreSQL adapter (also PostGIS and PostgreSQL-wire-compatible servers). */
package dev.mdb.tasks.adapter.postgresql;
