package dev.mdb.tasks.schema;

import dev.mdb.tasks.TaskFailedException;

/** The SQL dumper met an object it cannot represent; the message names it and suggests structure format. */
public class UnsupportedSchemaObjectException extends TaskFailedException {
    private static final long serialVersionUID = 1L;

    public UnsupportedSchemaObjectException(String objectKind, String objectName, String why) {
        super("can't dump " + objectKind + " " + objectName + " with schema_format: sql (" + why
                + "). Use schema_format: structure for this database (the engine's own dump tool), or"
                + " SCHEMA_FORMAT=structure.");
    }
}
