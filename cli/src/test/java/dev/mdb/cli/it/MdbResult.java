package dev.mdb.cli.it;

import java.util.List;

/** What one in-process {@code mdb} run produced: the exit code and everything written to stdout and stderr. */
record MdbResult(int exitCode, String out, String err) {

    List<String> outLines() {
        return out.lines().toList();
    }

    /** The non-blank stderr lines. */
    List<String> errLines() {
        return err.lines().filter(line -> !line.isBlank()).toList();
    }

    /** For assertion descriptions: a failing assertion shows what mdb printed. */
    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
