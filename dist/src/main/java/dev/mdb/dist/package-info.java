/**
 * The runnable distribution: the entry point {@code bin/mdb} starts ({@link dev.mdb.dist.Launcher}) and the workload
 * the class-data-sharing archive is recorded from ({@link dev.mdb.dist.CdsTraining}). Build-time generators live in
 * {@code dev.mdb.dist.build}. Only this module knows about packaging.
 */
package dev.mdb.dist;
