/**
 * The read-only status page of {@code norrlab serve}: every bench and session of the store, a live I(t) chart of the
 * running step pushed as server-sent events, finished sessions with their FE/yield table. Secure by default: bound to
 * the loopback address, an access token on every request, the Host header checked, TLS when configured, GET and HEAD
 * only, requests limited in size and rate. The only code that touches Jetty; it reads the store through its read API
 * and the report package's analysis, and writes nothing. May use {@code config}, {@code core}, {@code report},
 * {@code store}.
 */
package org.norrlab.status;
