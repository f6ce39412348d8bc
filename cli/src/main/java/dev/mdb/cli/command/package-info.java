/** Subcommands that are not db:* tasks: {@code generate}. */
package dev.mdb.cli.command;
