package org.norrlab.transport;

import com.fazecast.jSerialComm.SerialPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Lists serial ports with what identifies them, and picks the one port a profile matches. */
public final class PortFinder {
    private static final Logger log = LoggerFactory.getLogger(PortFinder.class);
    static final Path BY_ID = Path.of("/dev/serial/by-id");

    /**
     * One serial port.
     *
     * @param stablePath the /dev/serial/by-id link to it (Linux), which survives replugging; empty when none
     */
    public record PortInfo(String systemPath, Optional<String> stablePath, String description, int vendorId,
                           int productId, String serialNumber) {
        public String usbIds() {
            return vendorId < 0 ? "—" : String.format("%04x:%04x", vendorId, productId);
        }

        /** The path to open: the stable one when there is one. */
        public String preferredPath() {
            return stablePath.orElse(systemPath);
        }
    }

    /**
     * The kind of device a port is looked for: its name and the file that describes it, for messages,
     * and the USB identity a matching port shows (none: no port is picked automatically).
     */
    public record Wanted(String name, Optional<UsbMatch> usb, String describedIn) {
    }

    private PortFinder() {
    }

    public static List<PortInfo> list() {
        List<PortInfo> ports = new ArrayList<>();
        for (SerialPort port : SerialPort.getCommPorts()) {
            String system = port.getSystemPortPath();
            ports.add(new PortInfo(system, stablePath(system), port.getPortDescription() + " / "
                    + port.getDescriptivePortName(), port.getVendorID(), port.getProductID(),
                    port.getSerialNumber() == null ? "" : port.getSerialNumber()));
        }
        return ports;
    }

    private static Optional<String> stablePath(String systemPath) {
        if (!Files.isDirectory(BY_ID)) {
            return Optional.empty();
        }
        try (Stream<Path> links = Files.list(BY_ID)) {
            for (Path link : (Iterable<Path>) links::iterator) {
                try {
                    if (link.toRealPath().toString().equals(systemPath)) {
                        return Optional.of(link.toString());
                    }
                } catch (IOException e) {
                    log.debug("dangling link {}", link, e);
                }
            }
        } catch (IOException e) {
            log.warn("cannot list {}", BY_ID, e);
        }
        return Optional.empty();
    }

    public static boolean matches(PortInfo port, Wanted wanted) {
        return wanted.usb().filter(u -> !u.isEmpty())
                .map(u -> u.matches(port.vendorId(), port.productId(), port.description())).orElse(false);
    }

    /** The port to open: the one given, or with "auto" (or none), the single port the profile matches. */
    public static String resolve(Optional<String> requested, Wanted wanted) throws TransportException {
        if (requested.isPresent() && !requested.get().equalsIgnoreCase("auto")) {
            return requested.get();
        }
        return choose(list(), wanted);
    }

    static String choose(List<PortInfo> ports, Wanted wanted) throws TransportException {
        List<PortInfo> matching = ports.stream().filter(p -> matches(p, wanted)).toList();
        if (matching.size() == 1) {
            return matching.get(0).preferredPath();
        }
        String all = ports.isEmpty() ? "none" : String.join("; ", ports.stream()
                .map(p -> p.systemPath() + " (" + p.usbIds() + ", " + p.description() + ")").toList());
        if (matching.isEmpty()) {
            throw new TransportException("no serial port looks like a " + wanted.name() + " (profile usb block in "
                    + wanted.describedIn() + "); ports seen: " + all + ". Plug it in, or give --port PATH");
        }
        throw new TransportException(matching.size() + " ports look like a " + wanted.name() + ": " + String.join(", ",
                matching.stream().map(PortInfo::preferredPath).toList()) + "; choose one with --port PATH");
    }
}
