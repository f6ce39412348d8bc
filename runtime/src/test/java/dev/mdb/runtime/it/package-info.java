/** Runtime integration tests against the real PostgreSQL and MariaDB servers. */
package dev.mdb.runtime.it;
