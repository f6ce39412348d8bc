package dev.mdb.cli.console;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A parsed backslash command such as {@code \role reading}, {@code \d dogs} or {@code \x}. */
public record MetaCommand(Name name, String argument) {
    /** The meta-commands, with their spellings and help lines. */
    @SuppressWarnings("ImmutableEnumChecker") // spellings is a List.of, immutable
    public enum Name {
        ROLE("\\role NAME", "switch role (between transactions), e.g. \\role reading", "\\role"),
        SHARD("\\shard NAME", "switch shard (between transactions), e.g. \\shard shard_one", "\\shard"),
        DATABASE("\\database NAME", "switch database group, keeping the role, on its default shard", "\\database"),
        ROUTE("\\route", "show the current route and the database it uses", "\\route"),
        ROUTES("\\routes", "list every group, shard and role of the environment", "\\routes"),
        TABLES("\\dt", "list tables", "\\dt"),
        DESCRIBE("\\d TABLE", "describe a table's columns (type, nullability, default)", "\\d"),
        TIMING("\\timing [on|off]", "toggle printing how long each statement took", "\\timing"),
        EXPANDED("\\x [on|off]", "toggle expanded output (one line per column)", "\\x"),
        HELP("\\? or \\help", "show this help", "\\?", "\\help", "\\h"),
        QUIT("\\q", "quit (also exit, quit or Ctrl-D)", "\\q", "\\quit");

        private final String usage;
        private final String description;
        private final List<String> spellings;

        Name(String usage, String description, String... spellings) {
            this.usage = usage;
            this.description = description;
            this.spellings = List.of(spellings);
        }

        public String usage() {
            return usage;
        }

        public String description() {
            return description;
        }

        public List<String> spellings() {
            return spellings;
        }

        /** Whether the command needs an argument. */
        boolean needsArgument() {
            return this == ROLE || this == SHARD || this == DATABASE || this == DESCRIBE;
        }
    }

    /**
     * Parses one meta-command line (starting with {@code \}); empty when the command is unknown.
     *
     * @throws IllegalArgumentException when a known command lacks its argument or gets a bad one
     */
    public static Optional<MetaCommand> parse(String line) {
        String trimmed = line.strip();
        int space = indexOfWhitespace(trimmed);
        String word = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
        String argument = space < 0 ? "" : trimmed.substring(space).strip();
        if (argument.endsWith(";")) {
            argument = argument.substring(0, argument.length() - 1).strip();
        }
        for (Name name : Name.values()) {
            if (name.spellings().contains(word)) {
                return Optional.of(validated(name, argument));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code line} is a bare {@code exit} or {@code quit} (psql's words for leaving). */
    public static boolean isQuitWord(String line) {
        String word = line.strip().toLowerCase(Locale.ROOT);
        return word.equals("exit") || word.equals("quit") || word.equals("exit;") || word.equals("quit;");
    }

    /** For {@code \timing} and {@code \x}: the new setting given the current one ({@code on}, {@code off} or toggle). */
    public boolean toggle(boolean current) {
        return switch (argument.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> !current;
        };
    }

    private static MetaCommand validated(Name name, String argument) {
        if (name.needsArgument() && argument.isEmpty()) {
            throw new IllegalArgumentException(name.spellings().get(0) + " needs an argument: " + name.usage());
        }
        if ((name == Name.TIMING || name == Name.EXPANDED)
                && !argument.isEmpty()
                && !List.of("on", "off").contains(argument.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(name.spellings().get(0) + " takes on or off, not '" + argument + "'");
        }
        if (name.needsArgument() && indexOfWhitespace(argument) >= 0) {
            throw new IllegalArgumentException(name.spellings().get(0) + " takes one name: " + name.usage());
        }
        return new MetaCommand(name, argument);
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The help text of {@code \?}. */
    public static String help() {
        StringBuilder text = new StringBuilder("SQL statements end with ; and may span lines.\n");
        int width = 0;
        for (Name name : Name.values()) {
            width = Math.max(width, name.usage().length());
        }
        for (Name name : Name.values()) {
            text.append("  ")
                    .append(name.usage())
                    .append(" ".repeat(width - name.usage().length() + 2))
                    .append(name.description())
                    .append('\n');
        }
        return text.append("Ctrl-C cancels the running statement; Ctrl-D quits.\n")
                .toString();
    }
}
