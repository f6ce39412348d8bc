package dev.mdb.cli.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Adapts the shared {@code ProjectOptions} mixin to a command that reads some of its options differently (the console's
 * {@code --database} names a database group) or not at all: rewrites their descriptions or hides them in the usage
 * help, keeping their order and bindings.
 */
public final class UsageOptions {
    private UsageOptions() {}

    /** How an option reads in the usage help; a null parameter label keeps the original one. */
    public record Text(String paramLabel, String description) {}

    /** Options are named by their longest name, e.g. {@code --database}. */
    public static CommandLine adapt(CommandLine commandLine, Map<String, Text> descriptions, Set<String> hidden) {
        CommandSpec spec = commandLine.getCommandSpec();
        List<OptionSpec> options = new ArrayList<>(spec.options());
        options.forEach(spec::remove);
        for (OptionSpec option : options) {
            String name = option.longestName();
            if (descriptions.containsKey(name) || hidden.contains(name)) {
                OptionSpec.Builder builder = OptionSpec.builder(option).hidden(hidden.contains(name));
                Text text = descriptions.get(name);
                if (text != null) {
                    builder.description(text.description());
                    if (text.paramLabel() != null) {
                        builder.paramLabel(text.paramLabel());
                    }
                }
                option = builder.build();
            }
            spec.addOption(option);
        }
        return commandLine;
    }
}
