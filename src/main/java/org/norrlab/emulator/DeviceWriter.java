package org.norrlab.emulator;

import org.norrlab.transport.Transport;
import org.norrlab.transport.TransportException;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** The emulator's side of the wire: whole lines, or lines split at random points when asked. */
final class DeviceWriter {
    private final Transport port;
    private final Faults faults;
    private final SplittableRandom random;

    DeviceWriter(Transport port, Faults faults, long seed) {
        this.port = port;
        this.faults = faults;
        this.random = new SplittableRandom(seed);
    }

    synchronized void write(String text) throws TransportException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        if (faults.maxChunk() <= 0) {
            port.write(bytes);
            return;
        }
        int offset = 0;
        while (offset < bytes.length) {
            int size = Math.min(bytes.length - offset, 1 + random.nextInt(faults.maxChunk()));
            port.write(java.util.Arrays.copyOfRange(bytes, offset, offset + size));
            offset += size;
            try {
                Thread.sleep(0, 200_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A line of bytes no protocol allows, as a noisy cable or a ground loop produces. */
    String garbage() {
        StringBuilder line = new StringBuilder();
        int length = 3 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            char c = (char) (0x80 + random.nextInt(0x7F));
            line.append(c);
        }
        return line.append('\n').toString();
    }
}
