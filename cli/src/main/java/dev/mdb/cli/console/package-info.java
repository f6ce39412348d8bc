/**
 * {@code mdb console}: an SQL console on one logical connection of the runtime's routing data source. {@link
 * dev.mdb.cli.console.ConsoleSession} is the read-eval-print loop, independent of any terminal; JLine supplies lines,
 * history and completion in interactive mode, a plain reader does for scripts, {@code -c} and piped input.
 */
package dev.mdb.cli.console;
