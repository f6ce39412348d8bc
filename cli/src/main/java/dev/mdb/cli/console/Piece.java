package dev.mdb.cli.console;

/** One unit of console input: an SQL statement (without its terminating {@code ;}) or a backslash meta-command line. */
public record Piece(Kind kind, String text) {
    /** What a piece is. */
    public enum Kind {
        SQL,
        META
    }

    static Piece sql(String text) {
        return new Piece(Kind.SQL, text);
    }

    static Piece meta(String text) {
        return new Piece(Kind.META, text);
    }
}
