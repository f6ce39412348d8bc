/** The {@code mdb} command line: picocli wiring, output and exit codes. */
package dev.mdb.cli;
