package dev.mdb.config.internal;

import java.util.Map;

/**
 * A configuration as read from the file, before {@code DATABASE_URL} merging; {@code hasUrl} records whether it
 * had its own {@code url:} (or was a URL string), which exempts it from the environment variables.
 */
record RawConfig(String env, String name, Map<String, Object> settings, boolean hasUrl) {}
