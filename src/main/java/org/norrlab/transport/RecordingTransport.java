package org.norrlab.transport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A transport that logs every byte each way, a lost link and the opening of the port, before passing them on. */
public final class RecordingTransport implements Transport {
    private final Transport inner;
    private final WireLog log;

    public RecordingTransport(Transport inner, WireLog log) {
        this.inner = inner;
        this.log = log;
    }

    /** Opens a port through {@code opener} and records it, so that every open, also after a lost link, is in the log. */
    public static TransportOpener recording(TransportOpener opener, WireLog log) {
        return (port, settings) -> {
            Transport opened = opener.open(port, settings);
            log.opened(port);
            return new RecordingTransport(opened, log);
        };
    }

    @Override
    public void write(byte[] data) throws TransportException {
        log.add(WireLog.Direction.HOST, data.clone());
        try {
            inner.write(data);
        } catch (TransportException.LinkLost e) {
            log.add(WireLog.Direction.LINK, String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
            throw e;
        }
    }

    @Override
    public int read(byte[] buffer) throws TransportException {
        try {
            int count = inner.read(buffer);
            if (count > 0) {
                log.add(WireLog.Direction.DEVICE, Arrays.copyOf(buffer, count));
            }
            return count;
        } catch (TransportException.LinkLost e) {
            log.add(WireLog.Direction.LINK, String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
            throw e;
        }
    }

    /**
     * The time of the last chunk logged: what a replay of this log reports at the same point. A replay
     * being recorded keeps its own (recorded) clock, so that it measures what the original measured.
     */
    @Override
    public double clockSeconds() {
        return inner instanceof ReplayTransport ? inner.clockSeconds() : log.lastTimeSeconds();
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public void close() {
        inner.close();
    }
}
