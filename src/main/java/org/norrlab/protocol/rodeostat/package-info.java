/**
 * The IO Rodeo Rodeostat's JSON protocol: one compact JSON object per line each way, replies that
 * echo the command, a sample stream {@code {"t":ms,"v":V,"i":µA}} ending with {@code {}}.
 * Sources: the shared reference serial-protocols.md §2.
 */
package org.norrlab.protocol.rodeostat;
