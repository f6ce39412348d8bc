/** {@code mdb generate migration}: writes a V/U pair of SQL files from a Rails-style migration name and fields. */
package dev.mdb.tasks.generate;
