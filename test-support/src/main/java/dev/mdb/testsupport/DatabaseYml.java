package dev.mdb.testsupport;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Renders a database.yml entry for a server and database, quoting values that YAML would not read back as strings. */
final class DatabaseYml {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./-]+");
    private static final Pattern NUMBER =
            Pattern.compile("[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0[xXoObB][0-9a-fA-F_]+");
    private static final Set<String> KEYWORDS =
            Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".inf", ".nan");

    private DatabaseYml() {}

    /** {@code adapter}, {@code host}, {@code port}, {@code username}, [{@code password}], {@code database} lines. */
    static String entry(String adapter, ServerAddress server, String database, int indent) {
        String pad = " ".repeat(indent);
        StringBuilder yml = new StringBuilder();
        line(yml, pad, "adapter", adapter);
        line(yml, pad, "host", scalar(server.host()));
        line(yml, pad, "port", Integer.toString(server.port()));
        line(yml, pad, "username", scalar(server.username()));
        if (server.password() != null) {
            line(yml, pad, "password", scalar(server.password()));
        }
        line(yml, pad, "database", scalar(database));
        return yml.toString();
    }

    private static void line(StringBuilder yml, String pad, String key, String value) {
        yml.append(pad).append(key).append(": ").append(value).append('\n');
    }

    /** The value as a YAML string: plain when YAML would read it back as the same string, else double-quoted. */
    static String scalar(String value) {
        if (PLAIN.matcher(value).matches()
                && !NUMBER.matcher(value).matches()
                && !KEYWORDS.contains(value.toLowerCase(Locale.ROOT))) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
