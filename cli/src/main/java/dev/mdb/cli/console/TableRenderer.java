package dev.mdb.cli.console;

import java.util.List;

/**
 * Prints a {@link ResultTable} as psql does: an aligned table with a header rule and a {@code (n rows)} footer, or in
 * expanded mode one {@code -[ RECORD n ]-} block per row. SQL NULL prints as {@value #NULL}; line breaks and tabs inside
 * values print as {@code \n} and {@code \t} so every row stays on one line. Appends to one builder, so a script's
 * thousands of small results cost no intermediate strings.
 */
public final class TableRenderer {
    /** How SQL NULL is shown. */
    public static final String NULL = "NULL";

    private TableRenderer() {}

    /** The table, its rule and the row-count footer, each line ending in {@code \n}. */
    public static String render(ResultTable table, boolean expanded) {
        StringBuilder out = new StringBuilder();
        render(table, expanded, out);
        return out.toString();
    }

    /** Appends what {@link #render(ResultTable, boolean)} returns to {@code out}. */
    public static void render(ResultTable table, boolean expanded, StringBuilder out) {
        if (expanded) {
            expanded(table, out);
        } else {
            aligned(table, out);
        }
        int rows = table.rows().size();
        out.append('(').append(rows).append(rows == 1 ? " row)" : " rows)").append('\n');
    }

    /** {@code (1 row)}, {@code (3 rows)}. */
    public static String footer(int rows) {
        return "(" + rows + (rows == 1 ? " row)" : " rows)");
    }

    static String display(String value) {
        if (value == null) {
            return NULL;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\t') {
                return escaped(value, i);
            }
        }
        return value;
    }

    /** {@code value} with {@code \r}, {@code \n} and {@code \t} from {@code from} on spelled as escapes. */
    private static String escaped(String value, int from) {
        StringBuilder out = new StringBuilder(value.length() + 8).append(value, 0, from);
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void aligned(ResultTable table, StringBuilder out) {
        List<String> columns = table.columns();
        List<List<String>> rows = table.rows();
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = display(columns.get(c)).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], display(row.get(c)).length());
            }
        }
        int line = out.length();
        for (int c = 0; c < columns.size(); c++) {
            out.append(c == 0 ? " " : " | ");
            String name = display(columns.get(c));
            int left = (widths[c] - name.length()) / 2;
            spaces(out, left).append(name);
            spaces(out, widths[c] - name.length() - left);
        }
        endLine(out, line);
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                out.append('+');
            }
            repeat(out, '-', widths[c] + 2);
        }
        out.append('\n');
        for (List<String> row : rows) {
            line = out.length();
            for (int c = 0; c < columns.size(); c++) {
                String raw = row.get(c);
                String value = display(raw);
                out.append(c == 0 ? " " : " | ");
                if (raw != null && table.numeric().get(c)) {
                    spaces(out, widths[c] - value.length()).append(value);
                } else {
                    spaces(out.append(value), widths[c] - value.length());
                }
            }
            endLine(out, line);
        }
    }

    private static void expanded(ResultTable table, StringBuilder out) {
        List<String> columns = table.columns();
        int nameWidth = 0;
        for (String column : columns) {
            nameWidth = Math.max(nameWidth, display(column).length());
        }
        int valueWidth = 0;
        for (List<String> row : table.rows()) {
            for (String value : row) {
                valueWidth = Math.max(valueWidth, display(value).length());
            }
        }
        for (int r = 0; r < table.rows().size(); r++) {
            int start = out.length();
            out.append("-[ RECORD ").append(r + 1).append(" ]");
            repeat(out, '-', Math.max(1, nameWidth + valueWidth + 3 - (out.length() - start)));
            out.append('\n');
            List<String> row = table.rows().get(r);
            for (int c = 0; c < columns.size(); c++) {
                int line = out.length();
                String name = display(columns.get(c));
                spaces(out.append(name), nameWidth - name.length())
                        .append(" | ")
                        .append(display(row.get(c)));
                endLine(out, line);
            }
        }
    }

    /** Ends the line that starts at {@code start}: trailing whitespace dropped, as {@link String#stripTrailing}. */
    private static void endLine(StringBuilder out, int start) {
        int end = out.length();
        while (end > start && Character.isWhitespace(out.charAt(end - 1))) {
            end--;
        }
        out.setLength(end);
        out.append('\n');
    }

    private static StringBuilder spaces(StringBuilder out, int count) {
        return repeat(out, ' ', count);
    }

    private static StringBuilder repeat(StringBuilder out, char c, int count) {
        for (int i = 0; i < count; i++) {
            out.append(c);
        }
        return out;
    }
}
