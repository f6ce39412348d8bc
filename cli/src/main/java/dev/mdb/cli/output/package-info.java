/** Result output: the text reporter and JSON documents for {@code --format json}. */
package dev.mdb.cli.output;
