package dev.mdb.runtime.sql;

/**
 * One statement of a script as {@link SqlLexer#split(CharSequence, Dialect)} returns it.
 *
 * @param text the statement as written, from its first token (leading comments left out) to the end of its last
 *     lexeme (comments inside and at the end kept), without the terminator
 * @param start offset of its first token in the script
 * @param end offset just past its last lexeme
 * @param line the 1-based line {@code start} is on
 */
public record SqlStatement(String text, int start, int end, int line) {}
