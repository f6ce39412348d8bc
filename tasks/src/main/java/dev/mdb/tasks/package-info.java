/**
 * The database tasks facade. {@link dev.mdb.tasks.DatabaseTasks} and {@link dev.mdb.tasks.MigrationTasks} own every
 * verb end to end: they take the selected configurations ({@link dev.mdb.tasks.DatabaseSelection}, Rails' rules),
 * work on each (several at once, output grouped in config order), run the protected-environment check inside every
 * destructive verb, and return result records ({@link dev.mdb.tasks.Results} per database) that the CLI renders.
 * Engine work goes to the configuration's {@link dev.mdb.tasks.spi.AdapterTasks}.
 */
package dev.mdb.tasks;
