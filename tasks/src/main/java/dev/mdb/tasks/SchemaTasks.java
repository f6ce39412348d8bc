package dev.mdb.tasks;

import dev.mdb.config.Causes;
import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.migrate.InternalMetadata;
import dev.mdb.tasks.schema.HistoryRows;
import dev.mdb.tasks.schema.SchemaLoader;
import dev.mdb.tasks.spi.AdapterTasks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Schema files: where they live, dumping them (sql or structure format) and loading them. */
final class SchemaTasks {
    public static final String SQL = "sql";
    public static final String STRUCTURE = "structure";
    private final TaskOptions options;
    private final DatabaseSelection selection;
    private final Function<DatabaseConfig, AdapterTasks> adapters;

    SchemaTasks(TaskOptions options, DatabaseSelection selection, Function<DatabaseConfig, AdapterTasks> adapters) {
        this.options = options;
        this.selection = selection;
        this.adapters = adapters;
    }

    /** {@code SCHEMA_FORMAT}, else the config's {@code schema_format}, else {@code sql}. */
    public String format(DatabaseConfig config) {
        String format = options.environment().get("SCHEMA_FORMAT");
        if (format == null || format.isEmpty()) {
            format = config.string("schema_format");
        }
        if (format == null || format.isEmpty()) {
            return SQL;
        }
        String normalized = format.toLowerCase(Locale.ROOT).replaceFirst("^:", "");
        if (!normalized.equals(SQL) && !normalized.equals(STRUCTURE)) {
            throw new ConfigException("Invalid schema format '" + format + "' for " + config.label()
                    + ". mdb supports schema_format: sql (its own dump) and structure (the engine's dump tool).");
        }
        return normalized;
    }

    /** Whether {@code config} is re-dumped after migrations: not when it says {@code dump_schema_after_migration: false}. */
    public static boolean dumpsAfterMigration(DatabaseConfig config) {
        return !"false".equals(config.string("dump_schema_after_migration"));
    }

    /** The schema file of {@code config}; empty when {@code schema_dump} disables it. */
    public Optional<Path> file(DatabaseConfig config) {
        if (!config.schemaDumpEnabled()) {
            return Optional.empty();
        }
        Path dbDir = options.projectDir().resolve("db");
        String override = options.environment().get("SCHEMA");
        if (override != null && !override.isEmpty()) {
            return Optional.of(options.projectDir().resolve(override).normalize());
        }
        Optional<String> named = config.schemaDumpFile();
        if (named.isPresent()) {
            Path path = Path.of(named.get());
            boolean asIs = path.isAbsolute()
                    || (path.getParent() != null
                            && options.projectDir()
                                    .resolve(path.getParent())
                                    .normalize()
                                    .equals(dbDir.normalize()));
            return Optional.of(asIs ? options.projectDir().resolve(path).normalize() : dbDir.resolve(path));
        }
        String base = format(config).equals(STRUCTURE) ? "structure.sql" : "schema.sql";
        return Optional.of(dbDir.resolve(selection.isPrimary(config) ? base : config.name() + "_" + base));
    }

    /** The first config of each schema file (shards sharing one file are dumped once), in config order. */
    public List<DatabaseConfig> oneConfigPerFile(List<DatabaseConfig> configs) {
        Set<Path> seen = new HashSet<>();
        return configs.stream()
                .filter(c -> file(c).map(seen::add).orElse(false))
                .toList();
    }

    /** Dumps each config's schema once per file (shards sharing one file write it once); returns files written. */
    public List<Path> dump(List<DatabaseConfig> configs) {
        Set<Path> written = new HashSet<>();
        for (DatabaseConfig config : configs) {
            Optional<Path> file = file(config);
            if (file.isPresent() && written.add(file.get())) {
                dump(config, file.get());
            }
        }
        return List.copyOf(written);
    }

    /**
     * Dumps {@code config}'s schema through {@code c}, a connection to it already open (a migration's; null: one of its
     * own), unless its file is in {@code written} already, to which it is added; returns whether it wrote.
     */
    boolean dumpOnce(DatabaseConfig config, Connection c, Set<Path> written) {
        Optional<Path> file = file(config);
        if (file.isEmpty() || !written.add(file.get())) {
            return false;
        }
        if (c == null) {
            dump(config, file.get());
            return true;
        }
        AdapterTasks adapter = adapters.apply(config);
        try {
            dump(adapter, file.get(), c);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "dump the schema of", e);
        }
        return true;
    }

    private void dump(DatabaseConfig config, Path file) {
        AdapterTasks adapter = adapters.apply(config);
        try (Connection c = adapter.connect()) {
            dump(adapter, file, c);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "dump the schema of", e);
        }
    }

    private void dump(AdapterTasks adapter, Path file, Connection c) throws SQLException {
        DatabaseConfig config = adapter.config();
        String format = format(config);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String history = format.equals(STRUCTURE)
                    ? HistoryRows.insertStatement(c, adapter.dialect(), schemaQualifier(c, adapter))
                    : HistoryRows.insertStatement(c, adapter.dialect());
            String text;
            if (format.equals(STRUCTURE)) {
                text = structureDump(adapter, file) + "\n" + history;
            } else {
                String header = "-- Schema of an mdb database (schema_format: sql, adapter: " + config.adapter()
                        + ").\n-- Written by `mdb db:schema:dump`; change the database with a migration, not here.\n\n";
                text = header + adapter.schemaDumper().dump(c) + history;
            }
            replace(file, text);
        } catch (IOException e) {
            throw new TaskFailedException("can't write " + file + ": " + Causes.of(e), e);
        }
    }

    /**
     * Runs the engine's dump tool into a temporary file beside {@code file} and returns what it wrote: a tool that
     * fails half-way (mysqldump opens its result file before connecting) must not truncate the previous schema file.
     */
    private static String structureDump(AdapterTasks adapter, Path file) throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            adapter.structureDump(temporary)
                    .run("dump the schema of " + adapter.config().label());
            return Files.readString(temporary, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Writes {@code text} to a new file beside {@code file} (with the usual permissions, unlike a temporary file's
     * 600), then moves it over {@code file}, so a failure never leaves a half-written schema file.
     */
    private static void replace(Path file, String text) throws IOException {
        Path temporary =
                file.resolveSibling("." + file.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * The schema the history INSERT appended to a native dump names, or null. A native dump may leave the session
     * without a search path (pg_dump ends its preamble with an empty {@code search_path}), so where the driver
     * reports a schema inside the database (PostgreSQL's {@code public}) the table is qualified with it. Engines
     * whose schema is the database itself (MySQL/MariaDB) or that have none (SQLite) stay unqualified, so the file
     * loads into a database of any name.
     */
    private static String schemaQualifier(Connection c, AdapterTasks adapter) throws SQLException {
        String schema;
        try {
            schema = c.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            return null;
        }
        if (schema == null || schema.isEmpty() || schema.equals(c.getCatalog())) {
            return null;
        }
        return adapter.quote(schema);
    }

    /**
     * Loads the schema file into {@code config}'s database after emptying it, then records the environment and the
     * file's SHA-1. A disabled schema dump loads nothing; a missing file is an error saying how to create it.
     */
    public void load(DatabaseConfig config) {
        load(config, true);
    }

    /**
     * Loads the schema file into a database believed empty without emptying it first (db:prepare): whatever the
     * database does hold is never dropped, so an object the emptiness check missed makes the load fail instead.
     */
    public void loadWithoutPurge(DatabaseConfig config) {
        load(config, false);
    }

    private void load(DatabaseConfig config, boolean purgeFirst) {
        Optional<Path> file = file(config);
        if (file.isEmpty()) {
            return;
        }
        Path path = file.get();
        if (!Files.exists(path)) {
            throw new TaskFailedException(options.projectDir().relativize(path.toAbsolutePath())
                    + " doesn't exist yet. Run `mdb db:migrate` to create it, then try again. If you do not intend"
                    + " to use a schema file for " + config.label() + ", set schema_dump: false.");
        }
        AdapterTasks adapter = adapters.apply(config);
        try {
            if (purgeFirst) {
                adapter.purge();
            }
            String sql = Files.readString(path, StandardCharsets.UTF_8);
            if (format(config).equals(STRUCTURE)) {
                adapter.structureLoad(path).run("load " + path + " into " + config.label());
            } else {
                loadSql(adapter, sql);
            }
            recordLoad(adapter, sha1(sql));
        } catch (SQLException e) {
            throw DatabaseErrors.translate(adapter, "load " + path + " into", e);
        } catch (IOException e) {
            throw new TaskFailedException("can't read " + path + ": " + Causes.of(e), e);
        }
    }

    private static void loadSql(AdapterTasks adapter, String sql) throws SQLException {
        try (Connection c = adapter.connect()) {
            boolean transactional = adapter.transactionalDdl();
            c.setAutoCommit(!transactional);
            try {
                SchemaLoader.load(c, sql, adapter.dialect());
                if (transactional) {
                    c.commit();
                }
            } catch (SQLException e) {
                if (transactional) {
                    c.rollback();
                }
                throw e;
            }
        }
    }

    private void recordLoad(AdapterTasks adapter, String sha1) throws SQLException {
        if (!adapter.config().useMetadataTable()) {
            return;
        }
        try (Connection c = adapter.connect()) {
            InternalMetadata.write(
                    c, adapter, InternalMetadata.ENVIRONMENT, adapter.config().env());
            InternalMetadata.write(c, adapter, "schema_sha1", sha1);
        }
    }

    static String sha1(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
