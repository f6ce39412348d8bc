/**
 * The {@code db:*} tasks, one class each mapping its arguments to a verb of the tasks facade and handing the result to
 * the result reporter, and the catalog that resolves {@code TASK[:NAME]} names.
 */
package dev.mdb.cli.task;
