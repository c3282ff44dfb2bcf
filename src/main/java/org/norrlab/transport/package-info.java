/**
 * Byte transports to instruments. {@link org.norrlab.transport.SerialTransport} is the only code in
 * norrlab that touches jSerialComm; it turns its return codes into typed exceptions. Reads wait at
 * most the read timeout (below a second); long silences during a measurement are judged above this layer.
 */
package org.norrlab.transport;
