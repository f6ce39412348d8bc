/**
 * Migrations: Flyway applies {@code V<version>__<name>.sql}; mdb runs the matching {@code U} files for rollback,
 * reads the history table for status, and locks SQLite itself.
 */
package dev.mdb.tasks.migrate;
