/**
 * Implementation of the web module: the servlet views of requests and responses, the response wrapper that saves the
 * client's state before the response commits, and the signing of state values. Not an API; it may change any time.
 */
package dev.mdb.web.internal;
