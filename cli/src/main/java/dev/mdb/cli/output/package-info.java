/**
 * Output of the command line: the reporter writing lines, the one {@link dev.mdb.cli.output.ResultReporter} that
 * renders the facade's results as text or as a JSON document ({@code --format json}), and the progress display.
 */
package dev.mdb.cli.output;
