package dev.mdb.config.internal;

import dev.mdb.config.ConfigException;
import dev.mdb.config.MissingEnvironmentVariableException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Evaluates the ERB subset of database.yml and {@code ${X}} placeholders on the raw text, before YAML parsing.
 * Supported: {@code <%= expr %>} (see {@link ErbParser}), {@code <% if %>}/{@code unless}/{@code elsif}/{@code else}/
 * {@code end} (nested), {@code <%# comment %>} and the {@code <%- -%>} trim forms. Every tag is parsed, even in a
 * branch that is not taken, so a template is refused the same way whatever the environment; only taken branches are
 * evaluated. Output tags and placeholders on a YAML comment line ({@code # url: <%= ... %>}) are left as written:
 * their output could not matter.
 */
public final class ErbInterpolator {
    private final String source;
    private final String railsEnv;
    private final Map<String, String> environment;
    private final Deque<Branch> branches = new ArrayDeque<>();
    private final InterpolatedText out;

    private ErbInterpolator(String source, String railsEnv, Map<String, String> environment) {
        this.source = source;
        this.railsEnv = railsEnv;
        this.environment = environment;
        this.out = new InterpolatedText(source);
    }

    /** Interpolates {@code template}; {@code source} names the file in errors, {@code railsEnv} is {@code Rails.env}. */
    static InterpolatedText interpolate(
            String template, String source, String railsEnv, Map<String, String> environment) {
        ErbInterpolator interpolator = new ErbInterpolator(source, railsEnv, environment);
        for (TemplateSegment segment : TemplateScanner.scan(template, source)) {
            interpolator.process(segment);
        }
        if (!interpolator.branches.isEmpty()) {
            Branch open = interpolator.branches.peek();
            throw new ConfigException(
                    source + ":" + open.line + ": '<% " + open.keyword + " %>' is never closed by '<% end %>'.");
        }
        return interpolator.out;
    }

    private void process(TemplateSegment segment) {
        if (segment instanceof TemplateSegment.Text text) {
            if (active()) {
                out.appendSource(text.text(), text.line());
            }
        } else if (segment instanceof TemplateSegment.Placeholder placeholder) {
            placeholder(placeholder);
        } else if (segment instanceof TemplateSegment.Tag tag) {
            tag(tag);
        }
    }

    private void placeholder(TemplateSegment.Placeholder placeholder) {
        if (!active()) {
            return;
        }
        if (placeholder.onCommentLine()) {
            out.appendSource(placeholder.raw(), placeholder.line());
            return;
        }
        String value = environment.get(placeholder.name());
        if (value == null || (value.isEmpty() && placeholder.fallback() != null)) {
            if (placeholder.fallback() == null) {
                throw missing(placeholder);
            }
            value = placeholder.fallback();
        }
        out.appendValue(value, placeholder.line());
    }

    private MissingEnvironmentVariableException missing(TemplateSegment.Placeholder placeholder) {
        String name = placeholder.name();
        ErbContext context = new ErbContext(environment, railsEnv, source, placeholder.line(), placeholder::raw);
        return context.missingVariable(name, "${" + name + "}", "${" + name + ":-value}");
    }

    private void tag(TemplateSegment.Tag tag) {
        if (tag.kind() == '#') {
            return;
        }
        if (tag.kind() == '=') {
            if (tag.onCommentLine()) {
                if (active()) {
                    out.appendSource(tag.raw(), tag.line());
                }
                return;
            }
            ErbNode node = parse(tag.content(), tag);
            if (active()) {
                out.appendValue(RubyValues.toS(node.evaluate(context(tag))), tag.line());
            }
            return;
        }
        statement(tag);
    }

    private void statement(TemplateSegment.Tag tag) {
        ErbStatement statement = ErbStatement.of(tag.content().strip());
        if (statement == null) {
            throw unsupported(tag);
        }
        String keyword = statement.keyword();
        String condition = statement.condition();
        boolean needsCondition = !keyword.equals("else") && !keyword.equals("end");
        if (needsCondition == condition.isEmpty()) {
            throw unsupported(tag);
        }
        ErbNode node = needsCondition ? parse(condition, tag) : null;
        switch (keyword) {
            case "if", "unless" -> open(keyword, node, tag);
            case "elsif" -> current(keyword, tag).elsif(node, context(tag));
            case "else" -> current(keyword, tag).otherwise(tag.line());
            default -> {
                current(keyword, tag);
                branches.pop();
            }
        }
    }

    private void open(String keyword, ErbNode condition, TemplateSegment.Tag tag) {
        if (branches.size() >= ConfigLimits.MAX_ERB_NESTING) {
            throw ConfigLimits.exceeded(
                    source + ":" + tag.line(),
                    "the nesting of '<% if %>' and '<% unless %>' blocks",
                    ConfigLimits.MAX_ERB_NESTING + " levels",
                    "Combine the conditions with && or ||.");
        }
        boolean parentActive = active();
        boolean holds = parentActive && RubyValues.truthy(condition.evaluate(context(tag))) == keyword.equals("if");
        branches.push(new Branch(keyword, tag.line(), parentActive, holds));
    }

    private Branch current(String keyword, TemplateSegment.Tag tag) {
        Branch branch = branches.peek();
        if (branch == null) {
            throw new ConfigException(
                    source + ":" + tag.line() + ": '<% " + keyword + " %>' has no matching '<% if %>'.");
        }
        return branch;
    }

    private boolean active() {
        Branch branch = branches.peek();
        return branch == null || branch.active;
    }

    private ErbNode parse(String expression, TemplateSegment.Tag tag) {
        try {
            return ErbParser.parse(expression);
        } catch (ErbSyntaxException e) {
            if (e.overLimit()) {
                throw ConfigLimits.exceeded(
                        source + ":" + tag.line(),
                        "an ERB expression",
                        ConfigLimits.MAX_ERB_TOKENS + " tokens",
                        "Split it, or set the value in an environment variable.");
            }
            throw unsupported(tag);
        }
    }

    private ErbContext context(TemplateSegment.Tag tag) {
        return new ErbContext(environment, railsEnv, source, tag.line(), tag::shown);
    }

    private ConfigException unsupported(TemplateSegment.Tag tag) {
        return new ConfigException(source + ":" + tag.line() + ": unsupported ERB expression '"
                + tag.shown()
                + "' (mdb does not run Ruby). Use <%= ENV['X'] %> or ${X} instead.");
    }

    /** One open {@code if}/{@code unless}: whether its enclosing text is emitted and which branch was taken. */
    private final class Branch {
        final String keyword;
        final int line;
        final boolean parentActive;
        boolean taken;
        boolean active;
        boolean elseSeen;

        Branch(String keyword, int line, boolean parentActive, boolean active) {
            this.keyword = keyword;
            this.line = line;
            this.parentActive = parentActive;
            this.active = active;
            this.taken = active;
        }

        void elsif(ErbNode condition, ErbContext context) {
            requireNoElse(context.line(), "elsif");
            active = parentActive && !taken && RubyValues.truthy(condition.evaluate(context));
            taken |= active;
        }

        void otherwise(int tagLine) {
            requireNoElse(tagLine, "else");
            active = parentActive && !taken;
            taken = true;
            elseSeen = true;
        }

        private void requireNoElse(int tagLine, String keyword) {
            if (elseSeen) {
                throw new ConfigException(
                        source + ":" + tagLine + ": '<% " + keyword + " %>' comes after '<% else %>'.");
            }
        }
    }
}
