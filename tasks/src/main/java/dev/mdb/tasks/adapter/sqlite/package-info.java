/** The SQLite family's task adapters: databases are files under the project directory. */
package dev.mdb.tasks.adapter.sqlite;
