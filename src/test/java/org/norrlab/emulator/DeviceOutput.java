package org.norrlab.emulator;

import org.norrlab.transport.Transport;
import org.norrlab.transport.TransportException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The emulator's end of the pty, keeping every byte the emulated device sends. */
final class DeviceOutput implements Transport {
    private final Transport port;
    final ByteArrayOutputStream written = new ByteArrayOutputStream();

    DeviceOutput(Transport port) {
        this.port = port;
    }

    @Override
    public void write(byte[] data) throws TransportException {
        synchronized (written) {
            written.write(data, 0, data.length);
        }
        port.write(data);
    }

    @Override
    public int read(byte[] buffer) throws TransportException {
        return port.read(buffer);
    }

    @Override
    public String describe() {
        return port.describe();
    }

    @Override
    public void close() {
        port.close();
    }

    List<String> lines() {
        synchronized (written) {
            return Arrays.asList(new String(written.toByteArray(), StandardCharsets.US_ASCII).split("\n", -1));
        }
    }
}
