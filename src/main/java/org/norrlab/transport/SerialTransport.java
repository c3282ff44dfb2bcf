package org.norrlab.transport;

import com.fazecast.jSerialComm.SerialPort;
import org.norrlab.driver.DriverException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial port through jSerialComm, in semi-blocking read mode: a read returns as soon as bytes
 * arrive, or after the read timeout with none. jSerialComm reports trouble through return codes
 * and {@code isOpen()} stays true after a device vanishes, so a failed read or write, or a negative
 * {@code bytesAvailable()}, is taken as a lost link.
 */
public final class SerialTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(SerialTransport.class);

    private final String path;
    private final SerialPort port;

    private SerialTransport(String path, SerialPort port) {
        this.path = path;
        this.port = port;
    }

    public static SerialTransport open(String path, SerialSettings settings) throws DriverException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            throw new DriverException("serial port " + path + " does not exist; 'norrlab ports' lists the ports there are", e);
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
                case 2 -> "it does not exist (unplugged?)";
                case 11 -> "another program holds it (close PSTrace, a terminal or another norrlab, or check with lsof)";
                case 13 -> "permission denied (add your user to the 'dialout' group and log in again)";
                default -> "error " + code + " at " + port.getLastErrorLocation();
            };
            throw new DriverException("cannot open serial port " + path + ": " + why);
        }
        log.info("opened {} ({}) at {}", path, port.getSystemPortPath(), settings);
        return new SerialTransport(path, port);
    }

    @Override
    public void write(byte[] data) throws DriverException {
        int written = port.writeBytes(data, data.length);
        if (written != data.length) {
            throw new DriverException.LinkLost("writing to " + path + " failed (" + written + " of " + data.length
                    + " bytes written); the instrument is gone or its cable is loose", null);
        }
    }

    @Override
    public int read(byte[] buffer) throws DriverException {
        int count = port.readBytes(buffer, buffer.length);
        if (count < 0 || (count == 0 && port.bytesAvailable() < 0)) {
            throw new DriverException.LinkLost("reading from " + path + " failed; the instrument is gone or its cable is loose",
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
    }
}
