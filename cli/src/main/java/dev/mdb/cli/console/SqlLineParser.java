package dev.mdb.cli.console;

import dev.mdb.runtime.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * JLine's view of the console's input: Enter accepts the buffer only when every statement in it ends with {@code ;}
 * (or it is a meta-command, {@code exit} or {@code quit}), so a statement is edited over several lines as one history
 * entry; words for completion are identifiers, optionally qualified ({@code dogs.na}), and {@code \} commands.
 */
public final class SqlLineParser implements Parser {
    private final Supplier<Dialect> dialect;

    public SqlLineParser(Supplier<Dialect> dialect) {
        this.dialect = dialect;
    }

    /** Whether {@code buffer} can run as it is. */
    public static boolean isComplete(String buffer, Dialect dialect) {
        if (buffer.isBlank() || MetaCommand.isQuitWord(buffer)) {
            return true;
        }
        StatementSplitter splitter = new StatementSplitter(dialect);
        splitter.feed(buffer + "\n");
        return splitter.isComplete();
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !isComplete(line, dialect.get())) {
            throw new EOFError(-1, -1, "statement not terminated", ";");
        }
        return words(line, cursor);
    }

    static ParsedLine words(String line, int cursor) {
        List<String> words = new ArrayList<>();
        int wordIndex = -1;
        int wordCursor = 0;
        int before = 0;
        int i = 0;
        while (i < line.length()) {
            if (!isWordChar(line.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < line.length() && isWordChar(line.charAt(i))) {
                i++;
            }
            if (wordIndex < 0 && cursor >= start && cursor <= i) {
                wordIndex = words.size();
                wordCursor = cursor - start;
            }
            if (i < cursor) {
                before++;
            }
            words.add(line.substring(start, i));
        }
        if (wordIndex < 0) {
            wordIndex = before;
            words.add(before, "");
        }
        return new Line(line, cursor, words, wordIndex, wordCursor);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '\\' || c == '$' || c == '?';
    }

    private record Line(String line, int cursor, List<String> words, int wordIndex, int wordCursor)
            implements CompletingParsedLine {
        @Override
        public String word() {
            return words.get(wordIndex);
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor;
        }

        @Override
        public int rawWordLength() {
            return word().length();
        }
    }
}
