/**
 * Byte transports to instruments. This is the only package in norrlab that touches jSerialComm
 * ({@link org.norrlab.transport.SerialTransport}, and the port listing); its failures are its own
 * {@link org.norrlab.transport.TransportException}s, which the drivers pass on as driver exceptions
 * with the same message, so that this layer knows nothing of drivers. Reads wait at most the read
 * timeout (below a second); long silences during a measurement are judged above this layer.
 */
package org.norrlab.transport;
