package dev.mdb.tasks.adapter.mysql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Quote-aware scanning of the DDL that MySQL/MariaDB print ({@code SHOW CREATE …}): strings {@code '…'} and
 * {@code "…"} (a backslash escapes, a doubled quote is a quote) and identifiers {@code `…`} (a doubled backtick is a
 * backtick).
 */
final class MysqlSqlText {
    private MysqlSqlText() {}

    /** {@code name} as a backquoted identifier. */
    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** The index just past the quoted token starting at {@code start}, or {@code start + 1} if none starts there. */
    static int skipToken(String s, int start) {
        char quote = s.charAt(start);
        if (quote != '\'' && quote != '"' && quote != '`') {
            return start + 1;
        }
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    /**
     * Removes every qualification with {@code database} ({@code `db`.`t`} becomes {@code `t`}), outside strings, so
     * that the DDL loads into a database of another name.
     */
    static String stripQualifier(String sql, String database) {
        String qualifier = quote(database) + ".";
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            if (sql.startsWith(qualifier, i) && sql.startsWith("`", i + qualifier.length())) {
                i += qualifier.length();
                continue;
            }
            int end = skipToken(sql, i);
            out.append(sql, i, end);
            i = end;
        }
        return out.toString();
    }

    /** Removes {@code " " + option + "=<digits>"} outside strings (e.g. the table option {@code AUTO_INCREMENT=42}). */
    static String removeNumericOption(String sql, String option) {
        String needle = " " + option + "=";
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            if (sql.startsWith(needle, i)) {
                int end = i + needle.length();
                while (end < sql.length() && Character.isDigit(sql.charAt(end))) {
                    end++;
                }
                if (end > i + needle.length()) {
                    i = end;
                    continue;
                }
            }
            int end = skipToken(sql, i);
            out.append(sql, i, end);
            i = end;
        }
        return out.toString();
    }

    /** The index of the parenthesis closing the one at {@code open}, or -1. */
    static int matchingParen(String s, int open) {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
            i = skipToken(s, i);
        }
        return -1;
    }

    /** {@code body} split at the commas outside parentheses and quotes, each part trimmed. */
    static List<String> splitTopLevel(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(body.substring(start, i).trim());
                start = i + 1;
            }
            i = skipToken(body, i);
        }
        String last = body.substring(start).trim();
        if (!last.isEmpty()) {
            parts.add(last);
        }
        return parts;
    }

    /** The name of the backquoted identifier at {@code start} (which must be a backtick), unescaped. */
    static String identifierAt(String s, int start) {
        int end = skipToken(s, start);
        return s.substring(start + 1, end - 1).replace("``", "`");
    }

    /**
     * The names among {@code candidates} that {@code select} uses as unqualified table names: backquoted identifiers
     * not next to a {@code .} (columns print as {@code `t`.`c`}, other databases' tables as {@code `db`.`t`}) and not
     * right after {@code AS} (an alias).
     */
    static Set<String> tableReferences(String select, Set<String> candidates) {
        Set<String> out = new LinkedHashSet<>();
        int i = 0;
        while (i < select.length()) {
            int end = skipToken(select, i);
            if (select.charAt(i) == '`') {
                String name = identifierAt(select, i);
                boolean qualified =
                        (i > 0 && select.charAt(i - 1) == '.') || (end < select.length() && select.charAt(end) == '.');
                String before = select.substring(0, i).stripTrailing();
                boolean alias = before.length() >= 3 && before.regionMatches(true, before.length() - 3, " as", 0, 3);
                if (!qualified && !alias && candidates.contains(name)) {
                    out.add(name);
                }
            }
            i = end;
        }
        return out;
    }
}
