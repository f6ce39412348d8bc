package dev.mdb.cli.console;

import dev.mdb.runtime.DatabaseGroup;
import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.ReplicaStatus;
import dev.mdb.runtime.ResolvedRoute;
import dev.mdb.runtime.ResolvedTarget;
import dev.mdb.runtime.Role;
import dev.mdb.runtime.Route;
import dev.mdb.runtime.RouteScope;
import dev.mdb.runtime.RoutingDataSource;
import dev.mdb.runtime.Shard;
import dev.mdb.runtime.engine.Engine;
import dev.mdb.tasks.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The console's place in the topology: a database group, the role and shard asked for, the {@link RouteScope} holding
 * that route on the console's thread, and one logical connection from the group's {@link RoutingDataSource}. Switching
 * closes the connection and the scope and opens new ones; a refused switch keeps the previous route. Must be used on
 * the thread that opened it (route scopes are per thread).
 */
public final class ConsoleConnection implements AutoCloseable {
    private final Mdb mdb;
    private final boolean preventWrites;
    private String group;
    private Role role;
    private Shard shard;
    private RouteScope scope;
    private Connection connection;
    private String entry;
    private ResolvedTarget resolved;
    private boolean lost;

    private ConsoleConnection(Mdb mdb, String group, Role role, Shard shard, boolean preventWrites) {
        this.mdb = mdb;
        this.group = group;
        this.role = role;
        this.shard = shard;
        this.preventWrites = preventWrites;
    }

    /**
     * Enters the route and connects.
     *
     * @throws dev.mdb.config.MdbException an unknown group, role or shard (before connecting)
     * @throws DatabaseUnavailableException when the database cannot be reached
     */
    public static ConsoleConnection open(Mdb mdb, String group, Role role, Shard shard, boolean preventWrites) {
        ConsoleConnection console = new ConsoleConnection(
                mdb, group == null ? mdb.topology().defaultGroup() : group, role, shard, preventWrites);
        console.enter();
        return console;
    }

    public Mdb mdb() {
        return mdb;
    }

    public String group() {
        return group;
    }

    /** The route the group resolves to on this thread. */
    public ResolvedRoute route() {
        return mdb.router().current(group);
    }

    /** The database.yml entry the connection uses. */
    public String entry() {
        return entry;
    }

    /** {@code host:port} or the SQLite file of the entry (no credentials). */
    public String location() {
        return mdb.dataSource(group).target(entry).location();
    }

    /** The entry's adapter, e.g. {@code sqlite3}. */
    public String adapter() {
        return databaseGroup().config(entry).adapter();
    }

    /** The engine of the entry the connection uses. */
    public Engine engine() {
        return mdb.dataSource(group).target(entry).engine();
    }

    /** Whether the route or the entry refuses writes. */
    public boolean writesPrevented() {
        return route().writesPrevented() || databaseGroup().config(entry).replica();
    }

    /** {@code development/primary[shard_one](reading, read-only)}. */
    public String label() {
        ResolvedRoute route = route();
        return mdb.topology().env() + "/" + group + "[" + route.shard() + "](" + route.role()
                + (writesPrevented() ? ", read-only" : "") + ")";
    }

    /** {@code primary_replica (storage/development.sqlite3)}. */
    public String target() {
        return entry + " (" + location() + ")";
    }

    /**
     * For a replica: what its health checks last saw ({@code standby, lag 0.012 s (0 bytes), up}), probing it now when
     * {@code probe}; for the primary serving a reading route instead of a replica: why ({@code no healthy replica});
     * null otherwise.
     */
    public String replicaHealth(boolean probe) {
        if (resolved != null && resolved.servedByPrimaryInstead()) {
            return "the primary serves this reading route: "
                    + resolved.reason().label().replace('_', ' ');
        }
        if (probe) {
            mdb.replicas().status(true);
        }
        return mdb.replicas().statusOf(entry).map(ConsoleConnection::describe).orElse(null);
    }

    private static String describe(ReplicaStatus status) {
        StringBuilder text = new StringBuilder();
        text.append(status.serverRole() == null ? "role unknown" : status.serverRole());
        if (status.lagSeconds() != null) {
            text.append(String.format(Locale.ROOT, ", lag %.3f s", status.lagSeconds()));
            if (status.lagBytes() != null) {
                text.append(" (").append(status.lagBytes()).append(" bytes)");
            }
        }
        text.append(", ").append(status.state().label().replace('_', ' '));
        if (status.error() != null) {
            text.append(": ").append(status.error());
        }
        return text.toString();
    }

    public String prompt() {
        return label() + "> ";
    }

    /** As wide as {@link #prompt()}, so continued lines line up: {@code ...-> }. */
    public String continuationPrompt() {
        return " ".repeat(label().length() - 1) + "-> ";
    }

    /** The logical connection; after {@link #markLost()} a new one (and {@code true} from {@link #reconnect()}). */
    public Connection connection() {
        return connection;
    }

    /** Notes that the connection broke; the next {@link #reconnect()} replaces it. */
    public void markLost() {
        lost = true;
    }

    /**
     * Replaces a lost or closed connection.
     *
     * @return whether it reconnected
     * @throws DatabaseUnavailableException when the database cannot be reached
     */
    public boolean reconnect() {
        boolean closed;
        try {
            closed = connection.isClosed();
        } catch (SQLException e) {
            closed = true;
        }
        if (!lost && !closed) {
            return false;
        }
        closeConnection();
        lost = false;
        connect();
        return true;
    }

    /**
     * Moves to another group, role or shard (null keeps the current one).
     *
     * @throws dev.mdb.config.MdbException when the route does not exist; the previous route stays
     * @throws DatabaseUnavailableException when the new database cannot be reached; the previous route stays
     */
    public void switchTo(String newGroup, Role newRole, Shard newShard) {
        String oldGroup = group;
        Role oldRole = role;
        Shard oldShard = shard;
        closeConnection();
        closeScope();
        group = newGroup != null ? newGroup : group;
        role = newRole != null ? newRole : role;
        shard = newGroup != null && !newGroup.equals(oldGroup) ? null : newShard != null ? newShard : shard;
        try {
            enter();
        } catch (RuntimeException e) {
            group = oldGroup;
            role = oldRole;
            shard = oldShard;
            enter();
            throw e;
        }
    }

    private void enter() {
        DatabaseGroup g = mdb.topology().group(group);
        if (role != null || shard != null || preventWrites) {
            scope = mdb.router()
                    .database(group)
                    .connectingTo(new Route(role, shard, preventWrites ? Boolean.TRUE : null));
        }
        try {
            ResolvedRoute route = route();
            g.requireRoute(route.shard(), route.role());
            connect();
        } catch (RuntimeException e) {
            closeScope();
            throw e;
        }
    }

    private void connect() {
        RoutingDataSource dataSource = mdb.dataSource(group);
        ResolvedRoute route = route();
        List<String> targets = databaseGroup().targets(route.shard(), route.role());
        Connection logical = dataSource.getConnection();
        try {
            String url = logical.getMetaData().getURL();
            resolved = dataSource.targetOf(logical);
            entry = resolved != null
                    ? resolved.entry()
                    : targets.stream()
                            .filter(t -> dataSource.target(t).url().equals(url))
                            .findFirst()
                            .orElse(targets.get(0));
            connection = logical;
        } catch (SQLException e) {
            entry = targets.get(0);
            Messages.closeQuietly(logical);
            throw new DatabaseUnavailableException(
                    "couldn't connect to " + Messages.describeTargets(targets, dataSource) + " for "
                            + mdb.topology().env() + "/" + group + "[" + route.shard() + "](" + route.role() + "): "
                            + Messages.engineMessage(e) + ". Check that the database is running and reachable.",
                    e);
        }
    }

    private DatabaseGroup databaseGroup() {
        return mdb.topology().group(group);
    }

    private void closeConnection() {
        if (connection != null) {
            Messages.closeQuietly(connection);
            connection = null;
        }
    }

    private void closeScope() {
        if (scope != null) {
            scope.close();
            scope = null;
        }
    }

    /** Closes the connection and leaves the route; the {@link Mdb} stays open. */
    @Override
    public void close() {
        closeConnection();
        closeScope();
    }
}
