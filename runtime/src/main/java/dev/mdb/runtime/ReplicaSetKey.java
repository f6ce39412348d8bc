package dev.mdb.runtime;

/** A replica set: the entries of one role on one shard of a group (the key of its balancer and sticky choice). */
record ReplicaSetKey(String group, Shard shard, Role role) {}
