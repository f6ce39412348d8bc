/** Test-only engines registered from this module's test resources, proving that an engine is one class plus its entry. */
package dev.mdb.cli.engine;
