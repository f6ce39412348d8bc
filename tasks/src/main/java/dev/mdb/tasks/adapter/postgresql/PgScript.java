package dev.mdb.tasks.adapter.postgresql;

/** The dump being written: statements each ending with {@code ;} and a blank line. */
final class PgScript {
    private final StringBuilder out = new StringBuilder(64 * 1024);

    void statement(String sql) {
        out.append(sql).append(";\n\n");
    }

    /** {@code COMMENT ON kind target IS literal}, if {@code literal} is not {@code null}. */
    void comment(String kind, String target, String literal) {
        if (literal != null) {
            statement("COMMENT ON " + kind + " " + target + " IS " + literal);
        }
    }

    String text() {
        return out.toString();
    }
}
