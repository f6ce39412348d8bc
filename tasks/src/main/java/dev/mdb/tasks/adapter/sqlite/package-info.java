/** The SQLite adapter: databases are files under the project directory. */
package dev.mdb.tasks.adapter.sqlite;
