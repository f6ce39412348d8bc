/**
 * Implementation of the runtime library, not part of its API: the derivation of groups, shards and roles from
 * database.yml entries, the per-thread frame stack behind {@link dev.mdb.runtime.ConnectionRouter}, the one cache of
 * JDBC targets ({@code Targets}) and the pools and health checks built on it. Types here may change without notice.
 */
package dev.mdb.runtime.internal;
