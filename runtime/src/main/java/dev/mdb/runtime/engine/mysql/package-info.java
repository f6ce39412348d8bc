/** The MySQL/MariaDB engine (MariaDB Connector/J): targets with Rails' {@code ssl_mode}, probes, session timeouts. */
package dev.mdb.runtime.engine.mysql;
