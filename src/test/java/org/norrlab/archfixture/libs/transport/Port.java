package org.norrlab.archfixture.libs.transport;

import com.fazecast.jSerialComm.SerialPort;

/** jSerialComm where it belongs: no violation. */
public class Port {
    public int ports() {
        return SerialPort.getCommPorts().length;
    }
}
