package dev.mdb.cli.engine;

import dev.mdb.runtime.engine.Capability;
import dev.mdb.runtime.engine.postgresql.PostgresqlEngine;
import java.util.EnumSet;
import java.util.Set;

/**
 * A test-only PostgreSQL-wire engine with CockroachDB's gaps: no transactional DDL, no advisory locks, no {@code DROP
 * DATABASE … WITH (FORCE)}, no replication positions. Registered from this module's test resources only; it runs
 * against the PostgreSQL test server, and mdb must follow its capabilities rather than the server it talks to.
 */
public final class WireTestEngine extends PostgresqlEngine {
    public static final String ADAPTER = "pgwire_test";

    @Override
    public String name() {
        return "pgwire-test";
    }

    @Override
    public Set<String> adapterNames() {
        return Set.of(ADAPTER);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.READ_ONLY_SESSIONS);
    }
}
