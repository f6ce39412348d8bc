/**
 * Integration tests that run {@code mdb} in-process against real PostgreSQL and MariaDB servers. Every test class gets
 * its databases and roles from {@link dev.mdb.testsupport.DatabaseServerExtension}, which drops them afterwards.
 */
package dev.mdb.cli.it;
