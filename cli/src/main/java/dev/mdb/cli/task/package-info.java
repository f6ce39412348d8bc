/** The {@code db:*} tasks, one class each, and the catalog that resolves {@code TASK[:NAME]} names. */
package dev.mdb.cli.task;
