/** The MySQL/MariaDB family's task adapters, driven by the MariaDB JDBC driver. */
package dev.mdb.tasks.adapter.mysql;
