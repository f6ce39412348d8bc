package dev.mdb.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Plain-JDBC views of the SQLite files of a test project, for asserting what schema and lifecycle tasks did to the
 * data: rows, counts, metadata, and whole-project snapshots (every row of every table, every schema file's bytes).
 */
final class SqliteRows {
    private SqliteRows() {}

    static void execute(Path project, String databaseFile, String... statements) {
        try (Connection c = connect(project, databaseFile);
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run SQL on " + databaseFile + ": " + e.getMessage(), e);
        }
    }

    /** Every row of {@code sql}, each as "col=value, col=value". */
    static List<String> rows(Path project, String databaseFile, String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(project, databaseFile);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(i > 1 ? ", " : "")
                            .append(meta.getColumnName(i))
                            .append('=')
                            .append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query " + databaseFile + ": " + e.getMessage(), e);
        }
        return rows;
    }

    static long count(Path project, String databaseFile, String table) {
        List<String> rows = rows(project, databaseFile, "SELECT count(*) AS n FROM " + table);
        return Long.parseLong(rows.get(0).substring("n=".length()));
    }

    /** {@code key=value} of mdb_internal_metadata (timestamps left out). */
    static Map<String, String> metadata(Path project, String databaseFile) {
        Map<String, String> values = new TreeMap<>();
        for (String row : rows(project, databaseFile, "SELECT key, value FROM mdb_internal_metadata")) {
            String[] parts = row.split(", value=", 2);
            values.put(parts[0].substring("key=".length()), parts[1]);
        }
        return values;
    }

    /**
     * Every row of every table (bookkeeping ones included, metadata timestamps excluded) of {@code databaseFile},
     * table by table, for before/after comparisons.
     */
    static Map<String, List<String>> snapshot(Path project, String databaseFile) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String row : rows(
                project,
                databaseFile,
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            String table = row.substring("name=".length());
            String select = table.equals("mdb_internal_metadata")
                    ? "SELECT key, value FROM mdb_internal_metadata ORDER BY key"
                    : "SELECT * FROM \"" + table + "\" ORDER BY 1";
            tables.put(table, rows(project, databaseFile, select));
        }
        tables.put(
                "sqlite_master",
                rows(project, databaseFile, "SELECT type, name, sql FROM sqlite_master ORDER BY name"));
        return tables;
    }

    /** The bytes of every file under {@code db/} ending in {@code .sql}, by relative path. */
    static Map<String, String> schemaFiles(Path project) {
        Map<String, String> files = new TreeMap<>();
        Path db = project.resolve("db");
        if (!Files.isDirectory(db)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(db)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".sql")).toList()) {
                files.put(project.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void append(Path file, String text) {
        try {
            Files.writeString(file, read(file) + text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha1Hex(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(Path project, String databaseFile) throws SQLException {
        Path file = project.resolve(databaseFile);
        if (!Files.exists(file)) {
            throw new SQLException("no database file " + file);
        }
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }
}
