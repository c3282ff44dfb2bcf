package org.norrlab.transport;

/** How a provider gets its byte pipe: a serial port normally, a recording or a replay when asked. */
@FunctionalInterface
public interface TransportOpener {
    TransportOpener SERIAL = SerialTransport::open;

    Transport open(String port, SerialSettings settings) throws TransportException;
}
