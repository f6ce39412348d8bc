package dev.mdb.web;

/** Which group/shards a request leaves a write mark on, for the client's later reads. */
public enum WriteTracking {
    /**
     * Only the group/shards the request really wrote on, as seen by the routing data source (also when the request
     * then failed). A writing request that wrote nothing leaves the client's state as it was. The default.
     */
    ACTUAL_WRITES,
    /**
     * Rails: every writing request marks the default group's shard (as current when the request started), even when
     * it failed or wrote nothing; real writes on other group/shards are marked too.
     */
    ANY_UNSAFE_METHOD
}
