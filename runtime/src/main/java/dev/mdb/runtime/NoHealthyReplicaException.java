package dev.mdb.runtime;

import java.sql.SQLTransientConnectionException;

/**
 * A reading route found no replica in rotation and its writer says {@code no_replica_policy: fail} (by default reads go
 * to the primary instead). SQLState {@code 08001}.
 */
public final class NoHealthyReplicaException extends SQLTransientConnectionException {
    private static final long serialVersionUID = 1L;

    public NoHealthyReplicaException(String message) {
        super(message, "08001");
    }
}
