package dev.mdb.cli.console;

import dev.mdb.runtime.engine.CatalogRules;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: meta-commands after {@code \}, else SQL keywords (in the case being typed) and the table and column
 * names of the current target, read from {@link java.sql.DatabaseMetaData} on first use and again after a route switch
 * or a schema change ({@link #invalidate()}).
 */
public final class SqlCompleter implements Completer {
    static final List<String> KEYWORDS = List.of(
            "SELECT",
            "FROM",
            "WHERE",
            "GROUP",
            "BY",
            "ORDER",
            "HAVING",
            "LIMIT",
            "OFFSET",
            "JOIN",
            "LEFT",
            "RIGHT",
            "INNER",
            "OUTER",
            "CROSS",
            "ON",
            "USING",
            "AS",
            "AND",
            "OR",
            "NOT",
            "NULL",
            "IS",
            "IN",
            "EXISTS",
            "BETWEEN",
            "LIKE",
            "DISTINCT",
            "UNION",
            "ALL",
            "CASE",
            "WHEN",
            "THEN",
            "ELSE",
            "END",
            "INSERT",
            "INTO",
            "VALUES",
            "UPDATE",
            "SET",
            "DELETE",
            "RETURNING",
            "CREATE",
            "TABLE",
            "INDEX",
            "VIEW",
            "DROP",
            "ALTER",
            "ADD",
            "COLUMN",
            "PRIMARY",
            "KEY",
            "REFERENCES",
            "DEFAULT",
            "BEGIN",
            "COMMIT",
            "ROLLBACK",
            "EXPLAIN",
            "WITH",
            "COUNT",
            "ASC",
            "DESC",
            "TRUNCATE",
            "SHOW",
            "PRAGMA");
    private static final int MAX_NAMES = 2000;

    private final Supplier<Connection> connection;
    private final Supplier<CatalogRules> catalog;
    private volatile List<String> names;

    /** Completes names from {@code connection}'s catalog, read by the current engine's {@code catalog} rules. */
    public SqlCompleter(Supplier<Connection> connection, Supplier<CatalogRules> catalog) {
        this.connection = connection;
        this.catalog = catalog;
    }

    /** Forgets the cached names; they are read again at the next completion. */
    public void invalidate() {
        names = null;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word();
        if (word.startsWith("\\")) {
            for (MetaCommand.Name name : MetaCommand.Name.values()) {
                for (String spelling : name.spellings()) {
                    candidates.add(
                            new Candidate(spelling, spelling, "meta-commands", name.description(), null, null, true));
                }
            }
            return;
        }
        boolean lower = !word.isEmpty() && word.equals(word.toLowerCase(Locale.ROOT));
        for (String keyword : KEYWORDS) {
            String value = lower ? keyword.toLowerCase(Locale.ROOT) : keyword;
            candidates.add(new Candidate(value, value, "keywords", null, null, null, true));
        }
        for (String name : names()) {
            candidates.add(new Candidate(name, name, "names", null, null, null, true));
        }
    }

    /** Table names, then column names, of the current target (empty when they cannot be read). */
    List<String> names() {
        List<String> cached = names;
        if (cached == null) {
            try {
                cached = SchemaDescriber.identifiers(connection.get(), catalog.get(), MAX_NAMES);
            } catch (SQLException | RuntimeException e) {
                cached = List.of();
            }
            names = cached;
        }
        return cached;
    }
}
