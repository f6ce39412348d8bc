/** Implementation of database.yml loading: ERB-subset and {@code ${X}} interpolation, safe YAML, URL parsing. */
package dev.mdb.config.internal;
