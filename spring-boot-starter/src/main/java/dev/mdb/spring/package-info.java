/**
 * Spring Boot auto-configuration for mdb: an {@link dev.mdb.runtime.Mdb} and its routing {@code DataSource} built from
 * {@code database.yml} ({@link dev.mdb.spring.MdbProperties}), the {@link dev.mdb.spring.MdbRoute} annotation, refused
 * writes translated to {@link dev.mdb.spring.MdbWriteRefusedException}, and, when their libraries are present, the web
 * selector filter, a health contributor, Micrometer metrics and route-carrying task executors.
 */
package dev.mdb.spring;
