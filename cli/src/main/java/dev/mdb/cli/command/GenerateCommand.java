package dev.mdb.cli.command;

import picocli.CommandLine.Command;

/** {@code mdb generate}: code generators (only {@code migration} today). */
@Command(name = "generate", aliases = "g", mixinStandardHelpOptions = true, description = "Generate files.")
public final class GenerateCommand {}
