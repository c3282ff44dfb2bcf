package org.norrlab.driver;

import org.norrlab.transport.LineChannel;
import org.norrlab.transport.SerialSettings;
import org.norrlab.transport.Transport;
import org.norrlab.transport.TransportException;
import org.norrlab.transport.TransportOpener;

import java.util.Optional;

/**
 * A serial driver's view of its {@link LineChannel}: the same calls, with the transport's failures
 * passed on as {@link DriverException}s with the transport's message unchanged (a vanished device
 * stays a {@link DriverException.LinkLost}, a replay that never got the device back a
 * {@link DriverException.LinkGone}), so that the transport layer knows nothing of drivers.
 */
public final class InstrumentLine implements AutoCloseable {
    private final LineChannel channel;

    public InstrumentLine(LineChannel channel) {
        this.channel = channel;
    }

    /** Opens a driver's byte pipe. */
    public static Transport open(TransportOpener opener, String port, SerialSettings settings) throws DriverException {
        return translated(() -> opener.open(port, settings));
    }

    /** The port to open for a profile: the one given, or with "auto" (or none), the single port it matches. */
    public static String port(Optional<String> requested, InstrumentProfile profile) throws DriverException {
        return translated(() -> profile.resolvePort(requested));
    }

    public void send(String text) throws DriverException {
        translated(() -> {
            channel.send(text);
            return null;
        });
    }

    public void send(byte[] bytes) throws DriverException {
        translated(() -> {
            channel.send(bytes);
            return null;
        });
    }

    /** The next complete line, or empty if none arrived before {@code deadlineNanos} (System.nanoTime). */
    public Optional<String> nextLine(long deadlineNanos) throws DriverException {
        return translated(() -> channel.nextLine(deadlineNanos));
    }

    /** See {@link LineChannel#drain(long)}. */
    public int drain(long deadlineNanos) throws DriverException {
        return translated(() -> channel.drain(deadlineNanos));
    }

    /** See {@link LineChannel#heard()}. */
    public String heard() {
        return channel.heard();
    }

    public boolean heardAnything() {
        return channel.heardAnything();
    }

    public long overlongLines() {
        return channel.overlongLines();
    }

    public double clockSeconds() {
        return channel.clockSeconds();
    }

    public String describe() {
        return channel.describe();
    }

    @Override
    public void close() {
        channel.close();
    }

    @FunctionalInterface
    private interface TransportCall<T> {
        T call() throws TransportException;
    }

    private static <T> T translated(TransportCall<T> call) throws DriverException {
        try {
            return call.call();
        } catch (TransportException.LinkGone e) {
            throw new DriverException.LinkGone(e.getMessage(), e);
        } catch (TransportException.LinkLost e) {
            throw new DriverException.LinkLost(e.getMessage(), e);
        } catch (TransportException e) {
            throw new DriverException(e.getMessage(), e);
        }
    }
}
