package dev.mdb.cli.engine;

import dev.mdb.runtime.engine.Capability;
import dev.mdb.runtime.engine.sqlite.SqliteEngine;
import java.util.EnumSet;
import java.util.Set;

/**
 * A test-only engine of the SQLite family with fewer capabilities: no transactional DDL and no read-only sessions.
 * Registered from this module's test resources only; nothing else in mdb names it. Shows that an engine is one class
 * plus its service entry, and that mdb decides by capabilities.
 */
public final class FileTestEngine extends SqliteEngine {
    public static final String ADAPTER = "sqlite_test";

    @Override
    public String name() {
        return "sqlite-test";
    }

    @Override
    public Set<String> adapterNames() {
        return Set.of(ADAPTER);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.DATABASE_FILES);
    }
}
