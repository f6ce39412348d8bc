package dev.mdb.tasks.migrate;

import dev.mdb.config.Causes;
import dev.mdb.runtime.engine.Engine;
import dev.mdb.runtime.sql.SqlLexer;
import dev.mdb.runtime.sql.SqlStatement;
import dev.mdb.runtime.sql.SqlToken;
import dev.mdb.tasks.TaskFailedException;
import dev.mdb.tasks.spi.AdapterTasks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A migration file as mdb runs it: its text sent as written (no placeholder replacement), its statements by the one
 * SQL lexer, its checksum, and whether it runs in a transaction. A file runs without one when it says so, with the
 * comment {@value #DIRECTIVE} on a line of its own (Rails' {@code disable_ddl_transaction!}) or, as Flyway users know,
 * a {@code <file>.conf} beside it holding {@code executeInTransaction=false}; or when every statement is one the engine
 * cannot run inside a transaction (PostgreSQL's {@code CREATE INDEX CONCURRENTLY}). A file mixing such a statement with
 * others, and no directive, is refused before anything runs.
 */
public record MigrationScript(
        MigrationFile file, String text, List<SqlStatement> statements, boolean transactional, int checksum) {
    public static final String DIRECTIVE = "-- mdb:disable_ddl_transaction";

    /** Reads {@code file} for {@code adapter}'s database, on a server of {@code serverMajorVersion} (0 when unknown). */
    public static MigrationScript read(MigrationFile file, AdapterTasks adapter, int serverMajorVersion) {
        Engine engine = adapter.engine();
        String text;
        try {
            text = Files.readString(file.path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TaskFailedException(
                    "can't read migration " + file.path() + ": " + Causes.of(e) + ". Check the file's permissions.", e);
        }
        List<SqlStatement> statements = SqlLexer.split(text, engine.dialect());
        boolean transactional = !disabledByDirective(text, engine) && !disabledByConf(file.path());
        if (transactional) {
            SqlStatement first = null;
            int outside = 0;
            for (SqlStatement statement : statements) {
                if (engine.runsOutsideTransactions(statement.text(), serverMajorVersion)) {
                    outside++;
                    first = first == null ? statement : first;
                }
            }
            if (outside > 0 && outside < statements.size()) {
                throw new TaskFailedException("migration " + file.path() + " line " + first.line() + " ("
                        + adapter.config().label() + "): "
                        + firstWords(first.text()) + " cannot run inside a transaction, but the file's other"
                        + " statements would run in one. Move it into a migration of its own, or put the line "
                        + DIRECTIVE + " in the file to run all of its statements without a transaction, each"
                        + " committed on its own. Nothing was run.");
            }
            transactional = outside == 0;
        }
        return new MigrationScript(file, text, List.copyOf(statements), transactional, Checksums.of(text));
    }

    private static boolean disabledByDirective(String text, Engine engine) {
        for (SqlToken token : SqlLexer.tokens(text, engine.dialect())) {
            if (token.type() == SqlToken.Type.LINE_COMMENT) {
                String comment = token.text(text).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
                if (comment.equals(DIRECTIVE.replace(" ", ""))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Flyway's script configuration file {@code V…sql.conf}: only {@code executeInTransaction} is read. */
    private static boolean disabledByConf(Path script) {
        Path conf = script.resolveSibling(script.getFileName() + ".conf");
        if (!Files.exists(conf)) {
            return false;
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(conf, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new TaskFailedException(
                    "can't read " + conf + ": " + Causes.of(e) + ". Check the file's permissions.", e);
        }
        for (String key : properties.stringPropertyNames()) {
            if (!key.equals("executeInTransaction")) {
                throw new TaskFailedException(conf + " sets '" + key + "', which mdb does not read; only"
                        + " executeInTransaction=false is. Remove the line (or the file).");
            }
        }
        return "false"
                .equalsIgnoreCase(
                        properties.getProperty("executeInTransaction", "true").trim());
    }

    /** The statement's first few words, for messages. */
    static String firstWords(String statement) {
        String flat = statement.replaceAll("\\s+", " ").trim();
        String[] words = flat.split(" ", 5);
        return String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(4, words.length)));
    }
}
