package dev.mdb.cli.output;

/** {@code --format}: text for people, json for scripts. */
public enum OutputFormat {
    TEXT,
    JSON
}
