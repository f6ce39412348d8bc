/**
 * Automatic role and shard selection per HTTP request, Rails' {@code DatabaseSelector} and {@code ShardSelector} for
 * the JVM: reading requests use replicas unless the client's own recent writes are not there yet, writing requests use
 * the primary and leave read-your-writes state with the client (session, signed cookie or header). The core ({@link
 * dev.mdb.web.DatabaseSelector}, {@link dev.mdb.web.ShardSelector}) works on a neutral request view; {@link
 * dev.mdb.web.DatabaseSelectorFilter} and {@link dev.mdb.web.ShardSelectorFilter} plug it into any Jakarta Servlet 6
 * container.
 */
package dev.mdb.web;
