/**
 * The trips example: a small web app whose writes go to the primary and whose reads go to hot standbys, with
 * {@code DatabaseSelectorFilter} choosing the role per request and keeping reads consistent with the user's own writes.
 * {@link dev.mdb.example.trips.TripsApp} is the entry point; it runs on an embedded Jetty.
 */
package dev.mdb.example.trips;
