package dev.mdb.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.cli.MdbCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code bin/mdb} builds the command tree with {@link MdbCli#forArguments}, which leaves the subcommands out for plain
 * db:* runs (a cold-start saving). These keep it honest: anything that can reach a subcommand or the usage help gets
 * the whole tree, including subcommands added later.
 */
class CommandTreeTest {
    private static final PrintWriter DISCARD = new PrintWriter(Writer.nullWriter());

    private static Set<String> subcommands(String... args) {
        return MdbCli.forArguments(args, DISCARD, DISCARD, Map.of())
                .getSubcommands()
                .keySet();
    }

    @Test
    void forArguments_leavesSubcommandsOutForTasksOnly() {
        assertThat(subcommands("db:version")).isEmpty();
        assertThat(subcommands("-C", "migrations-sample", "db:migrate:status", "--format", "json"))
                .isEmpty();
        assertThat(subcommands("db:drop", "db:create", "db:migrate", "VERSION=20260101000000"))
                .isEmpty();
        assertThat(subcommands("-e", "test", "--database", "animals", "db:migrate", "-q"))
                .isEmpty();
    }

    @Test
    void forArguments_buildsEverySubcommandWhenItsNameOrAliasIsAnArgument() {
        CommandLine full = MdbCli.newCommandLine(DISCARD, DISCARD, Map.of());
        assertThat(full.getSubcommands()).isNotEmpty();
        for (String name : full.getSubcommands().keySet()) {
            assertThat(subcommands("db:version", name))
                    .as(name)
                    .isEqualTo(full.getSubcommands().keySet());
        }
    }

    @Test
    void forArguments_consoleAfterRootOptions_buildsTheConsoleAlone() {
        assertThat(subcommands("console")).containsExactly("console");
        assertThat(subcommands("console", "-C", "dir", "-e", "development")).containsExactly("console");
        assertThat(subcommands("-C", "dir", "-e", "test", "-q", "--trace", "console", "-c", "SELECT 1"))
                .containsExactly("console");
        assertThat(subcommands("--env=test", "--format", "json", "console", "--help"))
                .containsExactly("console");
        assertThat(subcommands("-C", "console", "console")).containsExactly("console");
    }

    @Test
    void forArguments_consoleAfterAnythingElse_buildsTheWholeTree() {
        Set<String> all = MdbCli.newCommandLine(DISCARD, DISCARD, Map.of())
                .getSubcommands()
                .keySet();
        assertThat(subcommands("--help", "console")).isEqualTo(all);
        assertThat(subcommands("-V", "console")).isEqualTo(all);
        assertThat(subcommands("--", "console")).isEqualTo(all);
        assertThat(subcommands("-qv", "console")).isEqualTo(all);
        assertThat(subcommands("db:version", "console")).isEqualTo(all);
        assertThat(subcommands("-e", "console")).isEqualTo(all);
    }

    @Test
    void forArguments_consoleHelp_printsWhatTheWholeTreePrints() {
        StringWriter alone = new StringWriter();
        StringWriter whole = new StringWriter();

        int aloneCode = MdbCli.forArguments(
                        new String[] {"console", "--help"}, new PrintWriter(alone), DISCARD, Map.of())
                .execute("console", "--help");
        int wholeCode =
                MdbCli.newCommandLine(new PrintWriter(whole), DISCARD, Map.of()).execute("console", "--help");

        assertThat(aloneCode).isEqualTo(wholeCode).isZero();
        assertThat(alone.toString()).startsWith("Usage: mdb console").isEqualTo(whole.toString());
    }

    @Test
    void forArguments_buildsTheWholeTreeForHelpNoTaskOrATaskNameAsAnOptionValue() {
        Set<String> all = MdbCli.newCommandLine(DISCARD, DISCARD, Map.of())
                .getSubcommands()
                .keySet();
        assertThat(subcommands()).isEqualTo(all);
        assertThat(subcommands("db:version", "--help")).isEqualTo(all);
        assertThat(subcommands("db:version", "-h")).isEqualTo(all);
        assertThat(subcommands("-qh", "db:version")).isEqualTo(all);
        assertThat(subcommands("--database", "db:x")).isEqualTo(all);
        assertThat(subcommands("-e", "db:prod")).isEqualTo(all);
        assertThat(subcommands("--tasks")).isEqualTo(all);
    }
}
