/** Implementation of database.yml loading: ERB-subset and {@code ${X}} interpolation, safe YAML, URL parsing, limits. */
package dev.mdb.config.internal;
