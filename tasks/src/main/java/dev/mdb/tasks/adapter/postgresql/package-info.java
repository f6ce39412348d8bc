/** The PostgreSQL family's task adapters (PostgreSQL, PostGIS, and PostgreSQL-wire engines by their capabilities). */
package dev.mdb.tasks.adapter.postgresql;
