/**
 * The trips example: a small web app whose writes go to the primary and whose reads go to hot standbys, with
 * {@code DatabaseSelectorFilter} choosing the role per request and keeping reads consistent with the user's own writes.
 * {@link dev.mdb.example.trips.Main} starts {@link dev.mdb.example.trips.TripsApp}, which runs on an embedded Jetty.
 */
package dev.mdb.example.trips;
