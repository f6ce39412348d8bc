/**
 * Schema files: mdb's own deterministic SQL dump by introspection ({@code schema_format: sql}), the engines' native
 * dumpers ({@code schema_format: structure}), and loading either into a database.
 */
package dev.mdb.tasks.schema;
