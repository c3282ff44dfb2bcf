package org.norrlab.transport;

import org.norrlab.core.BadInputException;

import java.time.Duration;
import java.util.Locale;

/** How a serial port is set up: 8N1 without flow control unless a profile says otherwise. */
public record SerialSettings(int baud, int dataBits, Parity parity, int stopBits, FlowControl flowControl,
                             Duration readTimeout) {
    public enum Parity { NONE, EVEN, ODD }

    public enum FlowControl { NONE, XON_XOFF, RTS_CTS }

    public SerialSettings {
        if (baud <= 0) {
            throw new BadInputException("baud rate must be positive, was " + baud);
        }
        if (readTimeout.compareTo(Duration.ofMillis(100)) < 0 || readTimeout.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new BadInputException("the read timeout must lie between 100 ms and 1 s, was "
                    + readTimeout.toMillis() + " ms");
        }
    }

    public static SerialSettings eightNoneOne(int baud, Duration readTimeout) {
        return new SerialSettings(baud, 8, Parity.NONE, 1, FlowControl.NONE, readTimeout);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d %d%s%d, flow control %s", baud, dataBits, parity.name().charAt(0), stopBits,
                flowControl.name().toLowerCase(Locale.ROOT));
    }
}
