package dev.mdb.cli.console;

import dev.mdb.config.MdbException;
import dev.mdb.runtime.Role;
import dev.mdb.runtime.Shard;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Optional;

/** Carries out the backslash commands of a {@link ConsoleSession}. */
final class MetaCommands {
    private final ConsoleSession session;

    MetaCommands(ConsoleSession session) {
        this.session = session;
    }

    /** Runs one meta-command line; false when it failed (unknown command, bad argument, refused switch). */
    boolean run(String line) {
        Optional<MetaCommand> parsed;
        try {
            parsed = MetaCommand.parse(line);
        } catch (IllegalArgumentException e) {
            return session.fail(e.getMessage() + ".");
        }
        if (parsed.isEmpty()) {
            String word = line.strip().split("\\s+", 2)[0];
            return session.fail("unknown meta-command " + word + ". Type \\? for help.");
        }
        MetaCommand command = parsed.get();
        PrintWriter out = session.out();
        try {
            switch (command.name()) {
                case ROLE -> switchRoute("role", null, Role.of(command.argument()), null);
                case SHARD -> switchRoute("shard", null, null, Shard.of(command.argument()));
                case DATABASE -> switchRoute("database", command.argument(), null, null);
                case ROUTE -> route(out);
                case ROUTES ->
                    out.print(RoutesTable.text(session.connection().mdb().topology()));
                case TABLES ->
                    out.print(TableRenderer.render(
                            SchemaDescriber.tables(
                                    session.connection().connection(),
                                    session.connection().engine().catalog()),
                            false));
                case DESCRIBE -> {
                    return describe(command.argument(), out);
                }
                case TIMING -> {
                    session.timing(command.toggle(session.timing()));
                    out.println("Timing is " + (session.timing() ? "on." : "off."));
                }
                case EXPANDED -> {
                    session.expanded(command.toggle(session.expanded()));
                    out.println("Expanded display is " + (session.expanded() ? "on." : "off."));
                }
                case HELP -> out.print(MetaCommand.help());
                case QUIT -> session.quit();
            }
            return true;
        } catch (SwitchRefused e) {
            return session.fail(e.getMessage());
        } catch (MdbException e) {
            return session.fail(e.getMessage());
        } catch (SQLException e) {
            return session.fail(
                    Messages.engineMessage(e) + " (" + session.connection().target() + ")");
        } finally {
            out.flush();
        }
    }

    private void switchRoute(String what, String group, Role role, Shard shard) {
        ConsoleConnection connection = session.connection();
        if (session.inTransaction()) {
            throw new SwitchRefused("a transaction is open on " + connection.target() + "; COMMIT or ROLLBACK before"
                    + " switching " + what + ".");
        }
        connection.switchTo(group, role, shard);
        session.routeChanged();
        session.out()
                .println("Now on " + connection.label() + ": " + connection.target()
                        + (connection.writesPrevented() ? ", writes prevented." : "."));
    }

    private void route(PrintWriter out) {
        ConsoleConnection connection = session.connection();
        out.println("Route:    " + connection.label());
        out.println("Database: " + connection.target() + " (" + connection.adapter() + ")");
        out.println("Writes:   " + (connection.writesPrevented() ? "prevented" : "allowed"));
        String health = connection.replicaHealth(true);
        if (health != null) {
            out.println("Replica:  " + health);
        }
    }

    private boolean describe(String table, PrintWriter out) throws SQLException {
        ResultTable columns = SchemaDescriber.columns(
                session.connection().connection(), session.connection().engine().catalog(), table);
        if (columns == null) {
            return session.fail(
                    "no table named '" + table + "' on " + session.connection().target() + ". \\dt lists the tables.");
        }
        out.println("Table \"" + table + "\"");
        out.print(TableRenderer.render(columns, false));
        return true;
    }

    /** A switch refused by the console itself (open transaction). */
    private static final class SwitchRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SwitchRefused(String message) {
            super(message);
        }
    }
}
