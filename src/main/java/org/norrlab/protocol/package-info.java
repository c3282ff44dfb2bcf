/**
 * Instrument wire protocols as pure code: bytes and lines in, records out, and back. No threads,
 * no I/O; tested with recorded device output. Sub-packages per protocol family.
 */
package org.norrlab.protocol;
