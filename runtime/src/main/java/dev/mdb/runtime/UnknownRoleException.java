package dev.mdb.runtime;

/** A role that a shard of a group does not have (Rails: {@code No database connection defined for 'analytics' role.}). */
public class UnknownRoleException extends ConnectionNotDefinedException {
    private static final long serialVersionUID = 1L;

    public UnknownRoleException(String message) {
        this(message, null, null, null);
    }

    public UnknownRoleException(String message, String group, Shard shard, Role role) {
        super(message, group, shard, role);
    }
}
