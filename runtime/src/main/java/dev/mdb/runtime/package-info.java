/**
 * The runtime library: a topology of groups, shards and roles derived from database.yml, a {@link
 * dev.mdb.runtime.ConnectionRouter} with Rails' {@code connected_to} semantics, and a routing {@code DataSource}
 * that guards writes in two layers.
 */
package dev.mdb.runtime;
