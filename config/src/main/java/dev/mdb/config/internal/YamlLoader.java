package dev.mdb.config.internal;

import dev.mdb.config.ConfigException;
import dev.mdb.config.JdbcUrls;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Safe YAML loading of interpolated database.yml text with SnakeYAML: standard types only (any type tag such as
 * {@code !!java.io.File} or {@code !custom} is refused), anchors, aliases and {@code <<:} merge keys allowed,
 * duplicate keys allowed (the last wins, as in Ruby), aliases capped and the loaded tree copied into plain maps and
 * lists under a size budget, so an alias bomb fails fast. Timestamps stay strings.
 */
final class YamlLoader {
    /** The most aliases to mappings or lists one document may use. */
    static final int MAX_ALIASES = 1000;
    /** The most values (mappings, lists and scalars) a document may expand to. */
    static final int MAX_VALUES = 100_000;

    private static final int MAX_DEPTH = 64;

    private final String source;
    private int budget = MAX_VALUES;

    private YamlLoader(String source) {
        this.source = source;
    }

    /** Loads {@code text}; errors name {@code source} and the line of the original file. */
    static Object load(InterpolatedText text, String source) {
        Object document;
        try {
            document = newYaml().load(text.text());
        } catch (MarkedYAMLException e) {
            throw marked(e, text, source);
        } catch (YAMLException e) {
            throw unmarked(e, source);
        }
        return new YamlLoader(source).copy(document, 0);
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setWarnOnDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        DumperOptions dumperOptions = new DumperOptions();
        return new Yaml(
                new SafeConstructor(options),
                new Representer(dumperOptions),
                dumperOptions,
                options,
                new StringTimestampResolver());
    }

    private static ConfigException marked(MarkedYAMLException e, InterpolatedText text, String source) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
        String where = mark == null ? source : source + ":" + text.sourceLine(mark.getLine() + 1);
        String hint = problem != null
                        && (problem.contains("constructor for the tag")
                                || problem.contains("Global tag is not allowed"))
                ? " mdb loads YAML safely: remove the type tag."
                : "";
        return new ConfigException(
                where + ": cannot load database configuration: " + JdbcUrls.redact(problem) + "." + hint);
    }

    private static ConfigException unmarked(YAMLException e, String source) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("aliases")) {
            return new ConfigException(source + ": cannot load database configuration: more than " + MAX_ALIASES
                    + " YAML aliases to mappings or lists (an alias bomb?). Use fewer aliases.");
        }
        return new ConfigException(
                source + ": cannot load database configuration: " + JdbcUrls.redact(message.strip()) + ".");
    }

    private Object copy(Object node, int depth) {
        if (--budget < 0 || depth > MAX_DEPTH) {
            throw new ConfigException(source + ": cannot load database configuration: the document expands to more "
                    + "than " + MAX_VALUES + " values or " + MAX_DEPTH + " levels (recursive or too many aliases?).");
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                copy.put(String.valueOf(entry.getKey()), copy(entry.getValue(), depth + 1));
            }
            return copy;
        }
        if (node instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>(collection.size());
            for (Object element : collection) {
                copy.add(copy(element, depth + 1));
            }
            return copy;
        }
        return node;
    }

    /** YAML 1.1 implicit types except timestamps: {@code 2026-01-01} stays the string it is in a database.yml. */
    private static final class StringTimestampResolver extends Resolver {
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            Tag tag = super.resolve(kind, value, implicit);
            return implicit && Tag.TIMESTAMP.equals(tag) ? Tag.STR : tag;
        }
    }
}
