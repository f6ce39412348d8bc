package dev.mdb.tasks;

import java.util.List;

/**
 * One migration a {@code --dry-run} would run: its direction, version and name, whether it would run in a transaction,
 * and its statements as the lexer splits them (sent as written).
 *
 * @param up true for a migration up, false for a down migration (rollback, redo, down)
 */
public record PlannedMigration(boolean up, String version, String name, boolean transaction, List<String> statements) {
    public PlannedMigration {
        statements = List.copyOf(statements);
    }

    /** Rails' banner shape: {@code == 20261121120000 CreateDogs: would migrate, in a transaction ====}. */
    public String banner() {
        String text = version + " " + name + ": would " + (up ? "migrate" : "revert")
                + (transaction ? ", in a transaction" : ", without a transaction (each statement commits)");
        return "== " + text + " " + "=".repeat(Math.max(0, 75 - text.length()));
    }

    /** The statements as they would be sent, each ending with a semicolon for reading. */
    public List<String> script() {
        return statements.stream()
                .map(s -> s.stripTrailing().endsWith(";") ? s : s + ";")
                .toList();
    }
}
