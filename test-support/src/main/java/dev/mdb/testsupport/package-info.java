/** JUnit 5 helpers that hand out real, uniquely named databases on PostgreSQL and MariaDB servers for integration tests. */
package dev.mdb.testsupport;
