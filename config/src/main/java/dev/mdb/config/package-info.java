/**
 * Loading and resolving Rails-style {@code config/database.yml} files: environments, 2- and 3-tier layouts, URLs,
 * {@code DATABASE_URL} merging and hidden (replica, {@code database_tasks: false}) configurations.
 */
package dev.mdb.config;
