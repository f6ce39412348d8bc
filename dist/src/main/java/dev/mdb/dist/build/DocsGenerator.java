package dev.mdb.dist.build;

import dev.mdb.cli.MdbCli;
import dev.mdb.cli.task.Task;
import dev.mdb.cli.task.TaskCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes the distribution's generated documentation from the built command tree: {@code completion/mdb.bash}
 * (picocli's {@link AutoComplete} script, which also runs in zsh through {@code bashcompinit}),
 * {@code completion/_mdb} (the same script as a zsh {@code #compdef} function for {@code $fpath}) and
 * {@code man/man1/mdb.1}.
 *
 * <p>Two additions to picocli's script: the task names ({@code db:migrate}, ...) complete as mdb's positional
 * arguments, and bash stops splitting words at ':' (as the completions of rake and Maven do), or {@code db:mi<TAB>}
 * would not complete.
 *
 * <p>Arguments: the output directory (the distribution's root), the version, the date for the man page (yyyy-mm-dd).
 */
public final class DocsGenerator {
    private static final String BASH_ANCHOR = "  shopt -s progcomp\n";
    private static final String BASH_COLONS = BASH_ANCHOR
            + "  # mdb's task names contain ':' (db:migrate:status); bash would complete only after the last one.\n"
            + "  COMP_WORDBREAKS=${COMP_WORDBREAKS//:/}\n";

    private DocsGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: DocsGenerator OUTPUT_DIR VERSION DATE");
        }
        Path root = Path.of(args[0]);
        String version = args[1];
        String date = args[2].length() >= 10 ? args[2].substring(0, 10) : args[2];
        List<Task> tasks = new TaskCatalog().tasks();
        CommandLine cli = commandLine();
        completeTaskNames(cli.getCommandSpec(), tasks);

        String bash = bashScript(cli);
        write(root.resolve("completion/mdb.bash"), bash);
        write(root.resolve("completion/_mdb"), zshFunction(bash));
        write(root.resolve("man/man1/mdb.1"), ManPage.render(cli, tasks, version, date));
    }

    static CommandLine commandLine() {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        return MdbCli.newCommandLine(discard, discard, Map.of());
    }

    /** Makes the task names the completion candidates of mdb's TASK parameter (this tree is used only here). */
    static void completeTaskNames(CommandSpec spec, List<Task> tasks) {
        List<String> names = tasks.stream().map(Task::name).toList();
        for (PositionalParamSpec positional : List.copyOf(spec.positionalParameters())) {
            if ("TASK".equals(positional.paramLabel())) {
                spec.remove(positional);
                spec.addPositional(PositionalParamSpec.builder(positional)
                        .completionCandidates(names)
                        .build());
                return;
            }
        }
        throw new IllegalStateException("mdb's command has no TASK parameter any more; update DocsGenerator");
    }

    static String bashScript(CommandLine cli) {
        String script = AutoComplete.bash("mdb", cli);
        if (!script.contains(BASH_ANCHOR)) {
            throw new IllegalStateException(
                    "picocli's completion script changed (no 'shopt -s progcomp' line): update DocsGenerator");
        }
        return script.replace(BASH_ANCHOR, BASH_COLONS);
    }

    /**
     * The bash script as a zsh completion function: compinit autoloads {@code _mdb} from {@code $fpath} on the first
     * {@code mdb <TAB>}; its body loads bashcompinit, defines the bash functions and registers them for later calls
     * ({@code complete}), then answers the first call itself.
     */
    static String zshFunction(String bash) {
        String body = bash.startsWith("#!") ? bash.substring(bash.indexOf('\n') + 1) : bash;
        return "#compdef mdb\n"
                + "#\n"
                + "# zsh completion for mdb: picocli's bash completion, run by zsh's bashcompinit.\n"
                + "# Install: copy this file into a directory of $fpath before compinit runs, e.g. in ~/.zshrc\n"
                + "#   fpath=(/path/to/mdb/completion $fpath)\n"
                + "#   autoload -U compinit && compinit\n"
                + "# (or source completion/mdb.bash from ~/.zshrc after compinit).\n"
                + "\n"
                + "# zsh parses this whole file as the body of _mdb before running it, so the script's\n"
                + "# `alias compopt=complete` comes too late for the functions below: give them a no-op.\n"
                + "compopt() { return 0; }\n"
                + "\n"
                + body
                + "\n"
                + "# This first call came through compinit's autoload: answer it too; later calls go straight to\n"
                + "# _complete_mdb, registered just above.\n"
                + "_bash_complete -F _complete_mdb -o default\n";
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
