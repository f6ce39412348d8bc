/** The database tasks facade: create, drop, migrate, rollback and status over every configured database. */
package dev.mdb.tasks;
