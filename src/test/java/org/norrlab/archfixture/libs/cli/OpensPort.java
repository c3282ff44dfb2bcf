package org.norrlab.archfixture.libs.cli;

import com.fazecast.jSerialComm.SerialPort;

/** A planted violation: jSerialComm outside transport. */
public class OpensPort {
    public int ports() {
        return SerialPort.getCommPorts().length;
    }
}
