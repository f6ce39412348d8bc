package dev.mdb.tasks.generate;

import java.util.Locale;

/** The little of Rails' inflector the generator needs: CamelCase to snake_case and naive pluralization. */
final class Inflector {
    private Inflector() {}

    static String underscore(String camel) {
        return camel.replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
                .replaceAll("([a-z\\d])([A-Z])", "$1_$2")
                .replace('-', '_')
                .toLowerCase(Locale.ROOT);
    }

    static String pluralize(String word) {
        if (word.endsWith("s")) {
            return word;
        }
        if (word.matches(".*[^aeiou]y")) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        if (word.matches(".*(x|ch|sh)")) {
            return word + "es";
        }
        return word + "s";
    }
}
