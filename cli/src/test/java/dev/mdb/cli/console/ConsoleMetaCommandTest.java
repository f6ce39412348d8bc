package dev.mdb.cli.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing of backslash commands, and which entries the history keeps. */
class ConsoleMetaCommandTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\\role reading|ROLE|reading",
                "  \\shard   shard_one ;|SHARD|shard_one",
                "\\database animals|DATABASE|animals",
                "\\route|ROUTE|''",
                "\\routes|ROUTES|''",
                "\\dt|TABLES|''",
                "\\d dogs|DESCRIBE|dogs",
                "\\timing on|TIMING|on",
                "\\x|EXPANDED|''",
                "\\?|HELP|''",
                "\\help|HELP|''",
                "\\q|QUIT|''",
                "\\QUIT|QUIT|''"
            })
    void parse_knownCommands(String line, MetaCommand.Name name, String argument) {
        assertThat(MetaCommand.parse(line)).contains(new MetaCommand(name, argument));
    }

    @Test
    void parse_unknownCommand_isEmpty() {
        assertThat(MetaCommand.parse("\\frobnicate")).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\role", "\\d", "\\shard a b", "\\x maybe"})
    void parse_badArgument_throwsWithUsage(String line) {
        assertThatThrownBy(() -> MetaCommand.parse(line)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toggle_onOffOrFlip() {
        assertThat(new MetaCommand(MetaCommand.Name.TIMING, "").toggle(false)).isTrue();
        assertThat(new MetaCommand(MetaCommand.Name.TIMING, "").toggle(true)).isFalse();
        assertThat(new MetaCommand(MetaCommand.Name.TIMING, "on").toggle(true)).isTrue();
        assertThat(new MetaCommand(MetaCommand.Name.TIMING, "OFF").toggle(false))
                .isFalse();
    }

    @Test
    void help_listsEveryCommand() {
        String help = MetaCommand.help();

        for (MetaCommand.Name name : MetaCommand.Name.values()) {
            assertThat(help).contains(name.usage());
        }
    }

    @Test
    void history_keepsStatementsOnly() {
        assertThat(ConsoleHistory.keeps("SELECT * FROM dogs;")).isTrue();
        assertThat(ConsoleHistory.keeps("SELECT 1;\nSELECT 2;")).isTrue();
        assertThat(ConsoleHistory.keeps("\\role reading")).isFalse();
        assertThat(ConsoleHistory.keeps("SELECT 1; \\x")).isFalse();
        assertThat(ConsoleHistory.keeps("ALTER USER app PASSWORD 'secret';")).isFalse();
        assertThat(ConsoleHistory.keeps("exit")).isFalse();
        assertThat(ConsoleHistory.keeps("   ")).isFalse();
    }
}
