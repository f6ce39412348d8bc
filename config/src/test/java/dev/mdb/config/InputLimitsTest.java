package dev.mdb.config;

import static dev.mdb.config.ConfigFixtures.SOURCE;
import static dev.mdb.config.ConfigFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.config.internal.ConfigLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each bound of {@link ConfigLimits}, just under (loads) and just over (refused naming the file, the bound and the
 * line where there is one). The inputs of the original findings, tens of MB, run in {@link LargeInputForkTest}.
 */
class InputLimitsTest {
    private static final String HEAD = "development:\n  adapter: sqlite3\n  database: db/dev.sqlite3\n";
    private static final String PREFIX = SOURCE + ":";
    private static final String CANNOT_LOAD = ": cannot load database configuration: ";

    /** {@link #HEAD} padded with comment lines (and one shorter comment) to exactly {@code bytes} bytes. */
    private static String fileOf(int bytes) {
        StringBuilder yaml = new StringBuilder(bytes).append(HEAD);
        String comment = "# " + "c".repeat(1000) + "\n";
        while (yaml.length() + comment.length() <= bytes) {
            yaml.append(comment);
        }
        int rest = bytes - yaml.length();
        if (rest > 0) {
            yaml.append("#".repeat(rest - 1)).append('\n');
        }
        return yaml.toString();
    }

    @Test
    void load_fileAtTheSizeLimit_isLoaded(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("database.yml");
        Files.writeString(file, fileOf(ConfigLimits.MAX_FILE_BYTES), StandardCharsets.UTF_8);

        assertThat(Files.size(file)).isEqualTo(ConfigLimits.MAX_FILE_BYTES);
        assertThat(DatabaseConfigurations.load(file, "development", Map.of()).all())
                .hasSize(1);
    }

    @Test
    void load_fileOverTheSizeLimit_isRefusedBeforeParsing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("database.yml");
        // Not even YAML past the limit: the refusal must come before any parsing.
        Files.writeString(file, fileOf(ConfigLimits.MAX_FILE_BYTES) + "\t: [", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DatabaseConfigurations.load(file, "development", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + CANNOT_LOAD + "the file exceeds the limit of 1 MiB (1048576 bytes). A database.yml"
                        + " is a few KB: check that this is the right file.");
    }

    @Test
    void parse_textOverTheSizeLimit_isRefused() {
        assertThatThrownBy(() -> parse(fileOf(ConfigLimits.MAX_FILE_BYTES + 1)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(SOURCE + CANNOT_LOAD + "the file exceeds the limit of 1 MiB");
    }

    @Test
    void parse_lineAtTheLengthLimit_isLoaded() {
        String yaml = HEAD + "  x: " + "a".repeat(ConfigLimits.MAX_LINE_CHARS - 5) + "\n";

        assertThat(ConfigFixtures.only(parse(yaml), "development").string("x"))
                .hasSize(ConfigLimits.MAX_LINE_CHARS - 5);
    }

    @Test
    void parse_lineOverTheLengthLimit_isRefusedWithItsLine() {
        String yaml = HEAD + "# " + "a".repeat(ConfigLimits.MAX_LINE_CHARS - 1) + "\n";

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessage(PREFIX + 4 + CANNOT_LOAD + "a line exceeds the limit of 65536 characters. Break it up: a"
                        + " long value can be a folded (>) or literal (|) block.");
    }

    @Test
    void parse_lineMadeLongByAnInsertedValue_isRefusedWithTheTagLine() {
        String yaml = HEAD + "  password: <%= ENV['DB_PASSWORD'] %>\n";
        Map<String, String> environment = Map.of("DB_PASSWORD", "p".repeat(ConfigLimits.MAX_LINE_CHARS));

        assertThatThrownBy(() -> parse(yaml, "development", environment))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(PREFIX + 4 + CANNOT_LOAD + "a line exceeds the limit")
                .hasMessageNotContaining("ppp");
    }

    /** A literal block scalar ({@code |-}) of exactly {@code length} characters, in lines of at most 1,000. */
    private static String blockScalar(int length) {
        StringBuilder yaml = new StringBuilder(HEAD).append("  cert: |-\n");
        int left = length;
        while (left > 0) {
            int line = Math.min(1000, left);
            yaml.append("    ").append("b".repeat(line)).append('\n');
            left -= line + 1; // the line feed between two lines is part of the value
        }
        return yaml.toString();
    }

    @Test
    void parse_scalarAtTheLengthLimit_isLoaded() {
        String yaml = blockScalar(ConfigLimits.MAX_SCALAR_CHARS);

        assertThat(ConfigFixtures.only(parse(yaml), "development").string("cert"))
                .hasSize(ConfigLimits.MAX_SCALAR_CHARS);
    }

    @Test
    void parse_scalarOverTheLengthLimit_isRefusedWithItsLine() {
        String yaml = blockScalar(ConfigLimits.MAX_SCALAR_CHARS + 1);

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessage(PREFIX + 4 + CANNOT_LOAD + "a YAML value exceeds the limit of 65536 characters. Keep large"
                        + " content (certificates, keys) in files and give their paths.");
    }

    /** {@code tags} ERB comment tags, 1,000 a line, after {@link #HEAD} (so the first is on line 4). */
    private static String withCommentTags(int tags) {
        StringBuilder yaml = new StringBuilder(HEAD);
        for (int i = 0; i < tags; i++) {
            yaml.append("<%# c %>").append(i % 1000 == 999 ? "\n" : "");
        }
        return yaml.append('\n').toString();
    }

    @Test
    void parse_tagsAtTheLimit_areLoaded() {
        assertThat(parse(withCommentTags(ConfigLimits.MAX_TEMPLATE_TAGS)).all()).hasSize(1);
    }

    @Test
    void parse_tagsOverTheLimit_areRefusedAtTheFirstTagOver() {
        int line = 4 + ConfigLimits.MAX_TEMPLATE_TAGS / 1000;

        assertThatThrownBy(() -> parse(withCommentTags(ConfigLimits.MAX_TEMPLATE_TAGS + 1)))
                .isInstanceOf(ConfigException.class)
                .hasMessage(PREFIX + line + CANNOT_LOAD + "the number of ERB tags and ${X} placeholders exceeds the"
                        + " limit of 20000 per file. Share repeated settings with a YAML anchor (<<: *default) instead"
                        + " of repeating ERB.");
    }

    @Test
    void parse_placeholdersOverTheLimit_areRefused() {
        String yaml = HEAD + "  x: " + "${X}".repeat(ConfigLimits.MAX_TEMPLATE_TAGS + 1) + "\n";

        assertThatThrownBy(() -> parse(yaml, "development", Map.of("X", "")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(PREFIX + 4 + CANNOT_LOAD + "the number of ERB tags and ${X} placeholders");
    }

    /** {@code depth} nested {@code <% if %>} blocks, one a line from line 4, around one setting. */
    private static String nestedIfs(int depth) {
        return HEAD + "<% if true %>\n".repeat(depth) + "  x: inner\n" + "<% end %>\n".repeat(depth);
    }

    @Test
    void parse_ifNestedAtTheLimit_isLoaded() {
        DatabaseConfig config = ConfigFixtures.only(parse(nestedIfs(ConfigLimits.MAX_ERB_NESTING)), "development");

        assertThat(config.string("x")).isEqualTo("inner");
    }

    @Test
    void parse_ifNestedOverTheLimit_isRefusedAtTheDeepestIf() {
        int line = 4 + ConfigLimits.MAX_ERB_NESTING;

        assertThatThrownBy(() -> parse(nestedIfs(ConfigLimits.MAX_ERB_NESTING + 1)))
                .isInstanceOf(ConfigException.class)
                .hasMessage(PREFIX + line + CANNOT_LOAD + "the nesting of '<% if %>' and '<% unless %>' blocks exceeds"
                        + " the limit of 32 levels. Combine the conditions with && or ||.");
    }

    /** An output tag whose expression has exactly {@code tokens} tokens ({@code !...!'a' || 'b' || ...}). */
    private static String expressionOf(int tokens) {
        String or = " || 'b'".repeat(127); // 254 tokens, after the one of 'a'
        return HEAD + "  x: <%= " + "!".repeat(tokens - 255) + "'a'" + or + " %>\n";
    }

    @Test
    void parse_expressionAtTheTokenLimit_isLoaded() {
        assertThat(ConfigFixtures.only(parse(expressionOf(ConfigLimits.MAX_ERB_TOKENS)), "development")
                        .string("x"))
                .isEqualTo("b");
    }

    @Test
    void parse_expressionOverTheTokenLimit_isRefusedWithItsLine() {
        assertThatThrownBy(() -> parse(expressionOf(ConfigLimits.MAX_ERB_TOKENS + 1)))
                .isInstanceOf(ConfigException.class)
                .hasMessage(PREFIX + 4 + CANNOT_LOAD + "an ERB expression exceeds the limit of 256 tokens. Split it, or"
                        + " set the value in an environment variable.");
    }

    @Test
    void parse_deeplyNestedExpression_isRefusedNotAStackOverflow() {
        String yaml = HEAD + "  x: <%= " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + " %>\n";

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("an ERB expression exceeds the limit of 256 tokens");
    }

    /** A value of {@code lists} nested lists, under the top-level mapping and {@code development:}. */
    private static String nestedLists(int lists) {
        return HEAD + "  x: " + "[".repeat(lists) + "]".repeat(lists) + "\n";
    }

    @Test
    void parse_yamlNestedAtTheLimit_isLoaded() {
        assertThat(parse(nestedLists(ConfigLimits.MAX_YAML_DEPTH - 1)).all()).hasSize(1);
    }

    @Test
    void parse_yamlNestedOverTheLimit_isRefused() {
        assertThatThrownBy(() -> parse(nestedLists(ConfigLimits.MAX_YAML_DEPTH)))
                .isInstanceOf(ConfigException.class)
                .hasMessage(SOURCE + CANNOT_LOAD + "the nesting of YAML mappings and lists exceeds the limit of 64"
                        + " levels. Flatten the structure.");
    }

    /**
     * {@link #HEAD} and lines {@code vN: <%= ENV['V'] %>} inserting 60,000 characters each, the last value cut so that
     * the interpolated text is exactly {@code chars} long.
     */
    private static String insertingUpTo(int chars, Map<String, String> environment) {
        StringBuilder yaml = new StringBuilder(HEAD);
        int output = HEAD.length();
        int lines = 0;
        while (true) {
            String prefix = "  v" + lines + ": ";
            int room = chars - output - prefix.length() - 1;
            if (room <= 60_000) {
                environment.put("LAST", "w".repeat(room));
                return yaml.append(prefix).append("<%= ENV['LAST'] %>\n").toString();
            }
            yaml.append(prefix).append("<%= ENV['V'] %>\n");
            output += prefix.length() + 60_001;
            lines++;
        }
    }

    @Test
    void parse_interpolatedTextAtTheLimit_isLoaded() {
        Map<String, String> environment = new java.util.HashMap<>(Map.of("V", "v".repeat(60_000)));
        String yaml = insertingUpTo(ConfigLimits.MAX_INTERPOLATED_CHARS, environment);

        assertThat(parse(yaml, "development", environment).all()).hasSize(1);
    }

    @Test
    void parse_interpolatedTextOverTheLimit_isRefusedWithTheLineThatGoesOver() {
        Map<String, String> environment = new java.util.HashMap<>(Map.of("V", "v".repeat(60_000)));
        String yaml = insertingUpTo(ConfigLimits.MAX_INTERPOLATED_CHARS + 1, environment);
        int line = (int) yaml.lines().count();

        assertThatThrownBy(() -> parse(yaml, "development", environment))
                .isInstanceOf(ConfigException.class)
                .hasMessage(PREFIX + line + CANNOT_LOAD + "the text after ERB and ${X} interpolation exceeds the limit"
                        + " of 2097152 characters. Check the values of the environment variables the file inserts.");
    }
}
