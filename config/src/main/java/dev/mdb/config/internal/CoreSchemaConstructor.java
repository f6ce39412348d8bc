package dev.mdb.config.internal;

import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.ConstructorException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's safe constructor narrowed to what a database.yml holds: mappings, lists, strings, integers, floats,
 * booleans and null. Every other tag is refused with its line, whether SnakeYAML could build it or not:
 * {@code !!binary} (a byte array), {@code !!timestamp} (a Date), {@code !!set}, {@code !!omap}, {@code !!pairs} and
 * custom {@code !tags}. An explicit {@code !!int}, {@code !!float}, {@code !!bool} or {@code !!null} must suit its
 * value ({@code !!int abc} would fail inside SnakeYAML, {@code !!bool maybe} would be null). Scalars are at most
 * {@link ConfigLimits#MAX_SCALAR_CHARS} long. Refusals are {@link ConstructorException}s marked with the node's start,
 * which {@link YamlLoader} turns into a message naming the file and line; none quotes the value.
 */
final class CoreSchemaConstructor extends SafeConstructor {
    private static final String REMOVE_TAG = "mdb loads YAML safely: remove the type tag";
    private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);
    private static final Map<Tag, String> KINDS =
            Map.of(Tag.INT, "an integer", Tag.FLOAT, "a number", Tag.BOOL, "a boolean", Tag.NULL, "null");

    private final Resolver resolver;

    CoreSchemaConstructor(LoaderOptions options, Resolver resolver) {
        super(options);
        this.resolver = resolver;
    }

    @Override
    protected Object constructObjectNoCheck(Node node) {
        check(node);
        try {
            return super.constructObjectNoCheck(node);
        } catch (NumberFormatException e) {
            throw new Refusal("a number that cannot be read", node);
        }
    }

    private void check(Node node) {
        Tag tag = node.getTag();
        boolean allowed;
        if (node instanceof ScalarNode scalar) {
            if (scalar.getValue().length() > ConfigLimits.MAX_SCALAR_CHARS) {
                throw new Refusal(
                        "a YAML value exceeds the limit of " + ConfigLimits.MAX_SCALAR_CHARS + " characters. Keep"
                                + " large content (certificates, keys) in files and give their paths",
                        node);
            }
            allowed = SCALAR_TAGS.contains(tag);
            if (allowed && !tag.equals(Tag.STR) && !suits(tag, scalar.getValue())) {
                throw new Refusal(
                        "the value tagged " + shown(tag) + " is not " + KINDS.get(tag) + ". Remove the tag", node);
            }
        } else {
            allowed = node instanceof SequenceNode ? tag.equals(Tag.SEQ) : tag.equals(Tag.MAP);
        }
        if (!allowed) {
            throw new Refusal(notAllowed(tag), node);
        }
    }

    /** Whether {@code value} reads as {@code tag} untagged too (an integer also makes a float). */
    private boolean suits(Tag tag, String value) {
        Tag implicit = resolver.resolve(NodeId.scalar, value, true);
        return implicit.equals(tag) || (tag.equals(Tag.FLOAT) && implicit.equals(Tag.INT));
    }

    /** The refusal of {@code tag}, without a final full stop. */
    static String notAllowed(Tag tag) {
        return "the YAML tag " + shown(tag) + " is not allowed (database.yml values are strings, numbers, booleans,"
                + " null, mappings and lists). " + REMOVE_TAG;
    }

    /** {@code !!binary} for {@code tag:yaml.org,2002:binary}; other tags as written. */
    static String shown(Tag tag) {
        String value = tag.getValue();
        return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    }

    /** A node mdb does not load; the message ends without a full stop, as SnakeYAML's problems do. */
    static final class Refusal extends ConstructorException {
        private static final long serialVersionUID = 1L;

        Refusal(String problem, Node node) {
            super(null, null, problem, node.getStartMark());
        }
    }
}
