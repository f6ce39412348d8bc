/** The MySQL/MariaDB adapter, driven by the MariaDB JDBC driver. */
package dev.mdb.tasks.adapter.mysql;
