/**
 * Layer 1 of write prevention: classifying SQL text before it is sent; and the one SQL lexer that the classifier, the
 * console, the migration and schema tasks and the dump normalisers share.
 *
 * <p>{@link dev.mdb.runtime.sql.StatementClassifier#forDialect(dev.mdb.runtime.sql.Dialect)} is the strict
 * classifier (the default); {@link dev.mdb.runtime.sql.StatementClassifier#rails(dev.mdb.runtime.sql.Dialect)}
 * reproduces Rails' leading-keyword allowlist for parity tests. Both return a {@link
 * dev.mdb.runtime.sql.StatementKind}; {@link dev.mdb.runtime.sql.StatementKind#refusedWhenPreventingWrites()} says
 * whether a route that prevents writes must refuse it. {@link dev.mdb.runtime.sql.SqlPreview} shortens SQL for
 * messages.
 *
 * <p>Decisions the strict classifier makes where the SQL is ambiguous:
 *
 * <ul>
 *   <li>Text without any statement (empty, blank, only comments or {@code ;}) is {@code READ}: nothing runs.
 *   <li>Anything that turns the read-only session guard (layer 2) back off is {@code WRITE}: {@code READ WRITE} in
 *       {@code SET TRANSACTION}, {@code SET SESSION CHARACTERISTICS}, {@code BEGIN} or {@code START TRANSACTION};
 *       {@code default_transaction_read_only}, {@code transaction_read_only}, {@code tx_read_only} or SQLite {@code
 *       query_only} set to anything but on; {@code RESET ALL}; {@code DISCARD ALL}; {@code set_config} of such a
 *       setting. Turning them on, and {@code SET TRANSACTION ISOLATION LEVEL ...}, is {@code SESSION}.
 *   <li>MySQL {@code SET GLOBAL}/{@code PERSIST}/{@code @@global.x}, {@code SET PASSWORD} and {@code RESET ...} are
 *       {@code WRITE}: they outlive the session.
 *   <li>Advisory and named locks ({@code pg_advisory_lock} family, MySQL {@code GET_LOCK}/{@code RELEASE_LOCK}) are
 *       {@code LOCKING_READ}: they write nothing, but a lock taken on a replica excludes nobody on the primary.
 *   <li>MySQL {@code LAST_INSERT_ID(expr)} and {@code INTO @var}, {@code @x := v} are {@code SESSION};
 *       {@code LAST_INSERT_ID()} is {@code READ}. Any other {@code INTO} in a query is {@code WRITE}.
 *   <li>SQLite {@code PRAGMA}: in short, reading is {@code READ},
 *       connection settings are {@code SESSION}, persistent settings such as {@code journal_mode = WAL} are {@code
 *       WRITE}.
 *   <li>{@code COPY ... TO STDOUT} is {@code READ}; {@code COPY ... TO 'file'} and {@code TO PROGRAM} are {@code
 *       WRITE} (like MySQL's {@code INTO OUTFILE}). SQLite's {@code EXPLAIN} never executes, so it is always {@code
 *       READ}.
 *   <li>A {@code BEGIN} followed by anything but transaction modes is a procedural block ({@code UNKNOWN}); {@code
 *       CALL}, {@code EXECUTE}, PostgreSQL {@code DO} and JDBC {@code {call ...}} are {@code UNKNOWN} unless the
 *       procedure is configured as read-only; MySQL {@code DO expr} is judged like a {@code SELECT}.
 *   <li>Calls of unknown user functions are not detected (layer 2 catches their writes).
 * </ul>
 *
 * <p>{@link dev.mdb.runtime.sql.SqlLexer} lexes and splits SQL for everyone, a whole text or fed line by line with the
 * same result. Its rules, per dialect where they differ (the table is {@code LexMode}):
 *
 * <ul>
 *   <li>Whitespace is any character up to U+0020. A word starts with an ASCII letter, {@code _} or any character from
 *       U+0080 and goes on with those, digits and {@code $} (so a {@code $} right after an identifier character is
 *       part of the word); a number starts with a digit and goes on with identifier characters and {@code .}.
 *   <li>{@code --} comments run to the line end ({@code \n} or {@code \r}); on MySQL only when the second dash is
 *       followed by whitespace or the end, and {@code #} starts one too. Block comments nest on PostgreSQL only.
 *       MySQL's executable comments {@code /*!50003 ... *}{@code /} and {@code /*M!100301 ... *}{@code /} are SQL: only
 *       their opening and closing marks are set apart.
 *   <li>{@code '...'} is a string with {@code ''} for a quote. {@code "..."} is an identifier, except on MySQL where it
 *       is a string. A backslash escapes the next character in MySQL strings and in PostgreSQL {@code E'...'} strings,
 *       nowhere else. {@code `...`} is an identifier on MySQL, SQLite and generic; {@code [...]} on SQLite and generic.
 *   <li>PostgreSQL dollar quotes {@code $$...$$} and {@code $tag$...$tag$} are strings (a tag is an identifier without
 *       {@code $}); {@code $1} is a parameter there, and {@code $name} one elsewhere. {@code ?}, {@code ?1}, {@code
 *       :name} are parameters; {@code @x}, {@code @@x.y} and {@code @'x'} variables (not on PostgreSQL); {@code :=}
 *       and {@code ::} are one operator.
 *   <li>Unterminated comments, strings and quoted identifiers run to the end of the text.
 *   <li>A statement ends at a {@code ;} outside all of the above, or at the end of the text. Statements with only
 *       comments are dropped. A statement's line is that of its first token.
 *   <li>In scripts and the console on MySQL, a {@code DELIMITER xx} line where a statement could start (as in the
 *       {@code mysql} client) makes {@code xx} the terminator until {@code DELIMITER ;}; the line is no statement. A
 *       custom delimiter always ends the statement, routine body or not. Text lexed as the server receives it (the
 *       write classifier's) has no such lines: the server knows no {@code DELIMITER}.
 *   <li>A {@code ;} inside a routine body does not end the statement: a statement {@code CREATE [OR REPLACE]
 *       [DEFINER = user] [TEMP | TEMPORARY] [AGGREGATE] TRIGGER | PROCEDURE | FUNCTION | EVENT ...} opens a body at
 *       {@code BEGIN} (on PostgreSQL only at {@code BEGIN ATOMIC}: other PostgreSQL bodies are dollar-quoted strings).
 *       Inside a body {@code BEGIN} and {@code CASE} open a level and {@code END} closes one; {@code END IF}, {@code
 *       END LOOP}, {@code END WHILE}, {@code END REPEAT} and {@code END FOR} close nothing counted, and {@code END
 *       CASE} closes the {@code CASE}. Words are keywords only unquoted and whole: a table {@code trigger_log} with a
 *       column {@code begin} opens nothing.
 *   <li>In the console, a {@code \} where a statement could start begins a client meta-command running to the end of
 *       its line.
 * </ul>
 */
package dev.mdb.runtime.sql;
