/**
 * Implementation of the runtime library, not part of its API: the derivation of groups, shards and roles from
 * database.yml entries, and the per-thread frame stack behind {@link dev.mdb.runtime.ConnectionRouter}. Types here
 * may change without notice.
 */
package dev.mdb.runtime.internal;
