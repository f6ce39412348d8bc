package dev.mdb.cli.console;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A result set read into memory for printing: column labels, whether each column is numeric (right-aligned), and the
 * rows as display strings, null for SQL NULL.
 */
public record ResultTable(List<String> columns, List<Boolean> numeric, List<List<String>> rows) {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    public ResultTable {
        columns = List.copyOf(columns);
        numeric = List.copyOf(numeric);
        List<List<String>> copies = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + row + " has not " + columns.size() + " values");
            }
            copies.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copies);
    }

    /** A table of text columns (for {@code \dt}, {@code \d} and tests). */
    public static ResultTable of(List<String> columns, List<List<String>> rows) {
        return new ResultTable(columns, Collections.nCopies(columns.size(), false), rows);
    }

    /** Reads every row of {@code rs} (binary values as {@code \x} hex, as psql shows bytea). */
    public static ResultTable read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int count = meta.getColumnCount();
        List<String> columns = new ArrayList<>(count);
        List<Boolean> numeric = new ArrayList<>(count);
        int[] types = new int[count];
        for (int i = 1; i <= count; i++) {
            columns.add(Objects.requireNonNullElse(meta.getColumnLabel(i), "?column?"));
            types[i - 1] = meta.getColumnType(i);
            numeric.add(isNumeric(types[i - 1]));
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                row.add(value(rs, i, types[i - 1]));
            }
            rows.add(row);
        }
        return new ResultTable(columns, numeric, rows);
    }

    private static String value(ResultSet rs, int column, int type) throws SQLException {
        if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB) {
            byte[] bytes = rs.getBytes(column);
            return bytes == null ? null : hex(bytes);
        }
        String value = rs.getString(column);
        return rs.wasNull() ? null : value;
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[2 + bytes.length * 2];
        out[0] = '\\';
        out[1] = 'x';
        for (int i = 0; i < bytes.length; i++) {
            out[2 + 2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[3 + 2 * i] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }

    private static boolean isNumeric(int type) {
        return switch (type) {
            case Types.TINYINT,
                    Types.SMALLINT,
                    Types.INTEGER,
                    Types.BIGINT,
                    Types.FLOAT,
                    Types.REAL,
                    Types.DOUBLE,
                    Types.NUMERIC,
                    Types.DECIMAL -> true;
            default -> false;
        };
    }
}
