package dev.mdb.cli.console;

import java.util.List;

/**
 * Prints a {@link ResultTable} as psql does: an aligned table with a header rule and a {@code (n rows)} footer, or in
 * expanded mode one {@code -[ RECORD n ]-} block per row. SQL NULL prints as {@value #NULL}; line breaks and tabs inside
 * values print as {@code \n} and {@code \t} so every row stays on one line.
 */
public final class TableRenderer {
    /** How SQL NULL is shown. */
    public static final String NULL = "NULL";

    private TableRenderer() {}

    /** The table, its rule and the row-count footer, each line ending in {@code \n}. */
    public static String render(ResultTable table, boolean expanded) {
        return (expanded ? expanded(table) : aligned(table))
                + footer(table.rows().size()) + "\n";
    }

    /** {@code (1 row)}, {@code (3 rows)}. */
    public static String footer(int rows) {
        return "(" + rows + (rows == 1 ? " row)" : " rows)");
    }

    static String display(String value) {
        if (value == null) {
            return NULL;
        }
        return value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static String aligned(ResultTable table) {
        List<String> columns = table.columns();
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = display(columns.get(c)).length();
            for (List<String> row : table.rows()) {
                widths[c] = Math.max(widths[c], display(row.get(c)).length());
            }
        }
        StringBuilder header = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            header.append(c == 0 ? " " : " | ").append(center(display(columns.get(c)), widths[c]));
        }
        StringBuilder out = new StringBuilder(header.toString().stripTrailing()).append('\n');
        for (int c = 0; c < columns.size(); c++) {
            out.append(c == 0 ? "" : "+").append("-".repeat(widths[c] + 2));
        }
        out.append('\n');
        for (List<String> row : table.rows()) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns.size(); c++) {
                String value = display(row.get(c));
                boolean right = table.numeric().get(c) && row.get(c) != null;
                line.append(c == 0 ? " " : " | ")
                        .append(right ? padLeft(value, widths[c]) : padRight(value, widths[c]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String expanded(ResultTable table) {
        List<String> columns = table.columns();
        int nameWidth =
                columns.stream().mapToInt(c -> display(c).length()).max().orElse(0);
        int valueWidth = 0;
        for (List<String> row : table.rows()) {
            for (String value : row) {
                valueWidth = Math.max(valueWidth, display(value).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < table.rows().size(); r++) {
            String label = "-[ RECORD " + (r + 1) + " ]";
            int ruleWidth = nameWidth + valueWidth + 3;
            out.append(label)
                    .append("-".repeat(Math.max(1, ruleWidth - label.length())))
                    .append('\n');
            List<String> row = table.rows().get(r);
            for (int c = 0; c < columns.size(); c++) {
                String line = padRight(display(columns.get(c)), nameWidth) + " | " + display(row.get(c));
                out.append(line.stripTrailing()).append('\n');
            }
        }
        return out.toString();
    }

    private static String center(String text, int width) {
        int left = (width - text.length()) / 2;
        return " ".repeat(left) + text + " ".repeat(width - text.length() - left);
    }

    private static String padRight(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(width - text.length()) + text;
    }
}
