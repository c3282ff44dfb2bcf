package org.norrlab.transport;

import com.fazecast.jSerialComm.SerialPort;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A serial port through jSerialComm, in semi-blocking read mode: a read returns as soon as bytes
 * arrive, or after the read timeout with none. jSerialComm reports trouble through return codes
 * and {@code isOpen()} stays true after a device vanishes, so a failed read or write, or a negative
 * {@code bytesAvailable()}, is taken as a lost link.
 */
public final class SerialTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(SerialTransport.class);
    /** How long JVM shutdown waits for instrument ports to be closed in order (cell off first). */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);
    private static final Set<SerialTransport> INSTRUMENT_PORTS_OPEN = new HashSet<>();
    /**
     * Every port this process holds, by its device (a /dev/serial/by-id link and its /dev/ttyACM0 are one port).
     * jSerialComm reports a port open elsewhere in this process as if it did not exist; this says which holds it.
     */
    private static final Map<Path, String> OPEN_IN_THIS_PROCESS = new HashMap<>();
    private static boolean shutdownGateRegistered;

    private final String path;
    private final SerialPort port;
    private final boolean holdsShutdown;
    private final Optional<Path> device;

    private SerialTransport(String path, SerialPort port, boolean holdsShutdown, Optional<Path> device) {
        this.path = path;
        this.port = port;
        this.holdsShutdown = holdsShutdown;
        this.device = device;
    }

    /**
     * Opens the port of an instrument. On Ctrl-C or SIGTERM, jSerialComm's own shutdown hook stops
     * all serial I/O; this port holds that hook back until it is closed (up to {@link #SHUTDOWN_GRACE}),
     * so that the abort and cell-off still reach the instrument.
     */
    public static SerialTransport open(String path, SerialSettings settings) throws TransportException {
        return open(path, settings, true);
    }

    /** Opens the device end of a port pair for an emulator, which has nothing to finish on shutdown. */
    public static SerialTransport openForEmulator(String path, SerialSettings settings) throws TransportException {
        return open(path, settings, false);
    }

    private static SerialTransport open(String path, SerialSettings settings, boolean holdsShutdown) throws TransportException {
        Optional<Path> device = device(path);
        synchronized (OPEN_IN_THIS_PROCESS) {
            String holder = device.map(OPEN_IN_THIS_PROCESS::get).orElse(null);
            if (holder != null) {
                throw new TransportException("cannot open serial port " + path + ": it is in use by this norrlab (opened as "
                        + holder + ", by another bench of the lab or another run); one instrument per port");
            }
            SerialTransport transport = openPort(path, settings, holdsShutdown, device);
            device.ifPresent(d -> OPEN_IN_THIS_PROCESS.put(d, path));
            return transport;
        }
    }

    /** The device file a port path leads to, links resolved; empty if there is none. */
    private static Optional<Path> device(String path) {
        try {
            return Optional.of(Path.of(path).toRealPath());
        } catch (IOException | RuntimeException e) {
            log.debug("{} leads to no device file", path, e);
            return Optional.empty();
        }
    }

    private static SerialTransport openPort(String path, SerialSettings settings, boolean holdsShutdown,
                                            Optional<Path> device) throws TransportException {
        if (device.isPresent() && Files.isRegularFile(device.get())) {
            throw new TransportException("cannot open serial port " + path + ": it is a regular file, not a serial port;"
                    + " a port is a device such as /dev/ttyACM0 or /dev/serial/by-id/usb-PalmSens_EmStat4_…-if00;"
                    + " 'norrlab ports' lists the ports there are");
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            throw new TransportException("serial port " + path + " does not exist; 'norrlab ports' lists the ports there are", e);
        }
        port.setComPortParameters(settings.baud(), settings.dataBits(), switch (settings.stopBits()) {
            case 2 -> SerialPort.TWO_STOP_BITS;
            default -> SerialPort.ONE_STOP_BIT;
        }, switch (settings.parity()) {
            case EVEN -> SerialPort.EVEN_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case NONE -> SerialPort.NO_PARITY;
        });
        port.setFlowControl(switch (settings.flowControl()) {
            case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
            case XON_XOFF -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
            case RTS_CTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
        });
        // Linux counts serial timeouts in tenths of a second.
        int timeoutMs = (int) Math.max(100, settings.readTimeout().toMillis() / 100 * 100);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, timeoutMs, 0);
        if (!port.openPort(0)) {
            int code = port.getLastErrorCode();
            String why = switch (code) {
                // jSerialComm gives 2 for a port already open in this process too: only a missing file is "unplugged".
                case 2 -> device.isEmpty() ? "it does not exist (unplugged?)" : "it is there but in use (jSerialComm"
                        + " error 2 at " + port.getLastErrorLocation() + ", as for a port this process already holds)";
                case 11 -> "it is in use by another program (which holds its lock); close PSTrace, a terminal or another"
                        + " norrlab, or find it with 'lsof " + path + "'";
                case 13 -> "permission denied (add your user to the 'dialout' group and log in again)";
                case 25 -> "it is not a serial port (not a terminal device); 'norrlab ports' lists the ports there are";
                default -> "error " + code + " at " + port.getLastErrorLocation();
            };
            throw new TransportException("cannot open serial port " + path + ": " + why);
        }
        List<String> holders = device.map(PortHolders::of).orElse(List.of());
        if (!holders.isEmpty()) {
            // Linux lets two programs open one tty; the other would take the instrument's replies.
            port.closePort();
            throw new TransportException("cannot open serial port " + path + ": it is in use by another program ("
                    + String.join("; ", holders) + "); close that program (PSTrace, a terminal, another norrlab) and"
                    + " start again");
        }
        log.info("opened {} ({}) at {}", path, port.getSystemPortPath(), settings);
        SerialTransport transport = new SerialTransport(path, port, holdsShutdown, device);
        if (holdsShutdown) {
            holdShutdownWhileOpen(transport);
        }
        return transport;
    }

    private static void holdShutdownWhileOpen(SerialTransport transport) {
        synchronized (INSTRUMENT_PORTS_OPEN) {
            INSTRUMENT_PORTS_OPEN.add(transport);
            if (!shutdownGateRegistered) {
                // jSerialComm runs the hooks given here, one by one, before it shuts its ports down.
                SerialPort.addShutdownHook(new Thread(SerialTransport::awaitInstrumentPortsClosed, "serial-shutdown-gate"));
                shutdownGateRegistered = true;
            }
        }
    }

    private static void awaitInstrumentPortsClosed() {
        long deadline = System.nanoTime() + SHUTDOWN_GRACE.toNanos();
        synchronized (INSTRUMENT_PORTS_OPEN) {
            try {
                long left;
                while (!INSTRUMENT_PORTS_OPEN.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                    INSTRUMENT_PORTS_OPEN.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!INSTRUMENT_PORTS_OPEN.isEmpty()) {
                log.error("shutting down with {} still open after {} s; the cell may still be on",
                        INSTRUMENT_PORTS_OPEN.stream().map(t -> t.path).toList(), SHUTDOWN_GRACE.toSeconds());
            }
        }
    }

    @Override
    public void write(byte[] data) throws TransportException {
        int written = port.writeBytes(data, data.length);
        if (written != data.length) {
            throw new TransportException.LinkLost("writing to " + path + " failed (" + written + " of " + data.length
                    + " bytes written); the instrument is gone or its cable is loose", null);
        }
    }

    @Override
    public int read(byte[] buffer) throws TransportException {
        int count = port.readBytes(buffer, buffer.length);
        if (count < 0 || (count == 0 && port.bytesAvailable() < 0)) {
            throw new TransportException.LinkLost("reading from " + path + " failed; the instrument is gone or its cable is loose",
                    null);
        }
        return count;
    }

    @Override
    public String describe() {
        return path;
    }

    @Override
    public void close() {
        if (!port.closePort()) {
            log.warn("closing {} reported error {}", path, port.getLastErrorCode());
        }
        synchronized (OPEN_IN_THIS_PROCESS) {
            device.ifPresent(d -> OPEN_IN_THIS_PROCESS.remove(d, path));
        }
        if (holdsShutdown) {
            synchronized (INSTRUMENT_PORTS_OPEN) {
                INSTRUMENT_PORTS_OPEN.remove(this);
                INSTRUMENT_PORTS_OPEN.notifyAll();
            }
        }
    }
}
