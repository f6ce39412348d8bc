package dev.mdb.cli.console;

import dev.mdb.runtime.sql.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The console's history ({@code $MDB_HISTORY}, else {@code ~/.mdb_history}): SQL statements only. Meta-commands (a
 * {@code \role} or {@code \database} line could name anything) and any entry containing {@code password} are never
 * added, so never written to the file. A new history file is created readable by its owner only.
 */
public final class ConsoleHistory extends DefaultHistory {
    @Override
    public void add(Instant time, String line) {
        if (keeps(line)) {
            super.add(time, line);
        }
    }

    /** Whether {@code entry} may be remembered. */
    public static boolean keeps(String entry) {
        if (entry.isBlank()
                || MetaCommand.isQuitWord(entry)
                || entry.toLowerCase(Locale.ROOT).contains("password")) {
            return false;
        }
        return StatementSplitter.split(entry, Dialect.GENERIC).stream()
                .noneMatch(piece -> piece.kind() == Piece.Kind.META);
    }

    /** {@code $MDB_HISTORY} when set and not empty, else {@code ~/.mdb_history}. */
    public static Path file(Map<String, String> environment) {
        String configured = environment.get("MDB_HISTORY");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".mdb_history");
    }

    /** Creates {@code file} with owner-only permissions when it does not exist yet (best effort). */
    static void createPrivately(Path file) {
        if (Files.exists(file)) {
            return;
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system, or not writable: JLine creates it (or reports) when saving
        }
    }
}
