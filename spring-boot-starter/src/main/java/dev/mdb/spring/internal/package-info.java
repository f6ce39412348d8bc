/**
 * The starter's wiring: the {@code @MdbRoute} interceptor, the exception translators, the health indicator and the
 * loader that turns the {@code mdb.database-yml} resource into an {@link dev.mdb.runtime.Mdb}. Not an API.
 */
package dev.mdb.spring.internal;
