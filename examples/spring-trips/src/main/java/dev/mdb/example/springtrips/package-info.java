/**
 * The trips example as a Spring Boot application: mdb-spring-boot-starter makes the routing {@code DataSource} the
 * application's and registers the selector filter, so POSTs write on the primary, GETs read from standbys and a
 * client reads its own writes; {@code @Transactional(readOnly = true)} and {@code @MdbRoute} send reads of writing
 * requests to a standby too.
 */
package dev.mdb.example.springtrips;
