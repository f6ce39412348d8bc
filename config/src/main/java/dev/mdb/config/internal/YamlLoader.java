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
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Safe YAML loading of interpolated database.yml text with SnakeYAML: the YAML core types only (any other tag, such
 * as {@code !!binary}, {@code !!java.io.File} or {@code !custom}, is refused: see {@link CoreSchemaConstructor}),
 * anchors, aliases and {@code <<:} merge keys allowed, duplicate keys allowed (the last wins, as in Ruby), aliases
 * capped and the loaded tree copied into plain maps and lists under a size budget, so an alias bomb fails fast.
 * Timestamps stay strings.
 */
final class YamlLoader {
    /** How SnakeYAML words its refusal of a global tag such as {@code !!java.io.File}. */
    private static final String GLOBAL_TAG = "Global tag is not allowed: ";

    private final String source;
    private int budget = ConfigLimits.MAX_VALUES;

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
        options.setMaxAliasesForCollections(ConfigLimits.MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(ConfigLimits.MAX_INTERPOLATED_CHARS);
        options.setNestingDepthLimit(ConfigLimits.MAX_YAML_DEPTH);
        DumperOptions dumperOptions = new DumperOptions();
        Resolver resolver = new StringTimestampResolver();
        return new Yaml(
                new CoreSchemaConstructor(options, resolver),
                new Representer(dumperOptions),
                dumperOptions,
                options,
                resolver);
    }

    private static ConfigException marked(MarkedYAMLException e, InterpolatedText text, String source) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
        String where = mark == null ? source : source + ":" + text.sourceLine(mark.getLine() + 1);
        String detail;
        if (e instanceof CoreSchemaConstructor.Refusal) {
            detail = problem + ".";
        } else if (problem != null && problem.startsWith(GLOBAL_TAG)) {
            detail = CoreSchemaConstructor.notAllowed(new Tag(problem.substring(GLOBAL_TAG.length()))) + ".";
        } else {
            detail = JdbcUrls.redact(problem) + ".";
        }
        return new ConfigException(where + ": cannot load database configuration: " + detail);
    }

    private static ConfigException unmarked(YAMLException e, String source) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Nesting Depth exceeded")) {
            return ConfigLimits.exceeded(
                    source,
                    "the nesting of YAML mappings and lists",
                    ConfigLimits.MAX_YAML_DEPTH + " levels",
                    "Flatten the structure.");
        }
        if (message.contains("aliases")) {
            return new ConfigException(source + ": cannot load database configuration: more than "
                    + ConfigLimits.MAX_ALIASES
                    + " YAML aliases to mappings or lists (an alias bomb?). Use fewer aliases.");
        }
        return new ConfigException(
                source + ": cannot load database configuration: " + JdbcUrls.redact(message.strip()) + ".");
    }

    private Object copy(Object node, int depth) {
        if (--budget < 0 || depth > ConfigLimits.MAX_YAML_DEPTH) {
            throw new ConfigException(source + ": cannot load database configuration: the document expands to more "
                    + "than " + ConfigLimits.MAX_VALUES + " values or " + ConfigLimits.MAX_YAML_DEPTH
                    + " levels (recursive or too many aliases?).");
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
