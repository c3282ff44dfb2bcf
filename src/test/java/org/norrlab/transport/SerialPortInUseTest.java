package org.norrlab.transport;

import com.fazecast.jSerialComm.SerialPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.PtyPair;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A port that another bench (or anything else in this process) holds is said to be in use, never to be
 * unplugged: jSerialComm gives the same error code for both. Real ptys from socat.
 */
class SerialPortInUseTest {
    private static final SerialSettings SETTINGS = SerialSettings.eightNoneOne(230_400, Duration.ofMillis(200));

    @TempDir
    Path temp;

    @Test
    void aPortHeldByAnotherBenchUnderAnotherNameIsInUseNotUnplugged() throws Exception {
        try (PtyPair pty = new PtyPair(temp)) {
            Path byId = Files.createSymbolicLink(temp.resolve("usb-PalmSens_EmStat4-if00"), Path.of(pty.host()));
            SerialTransport first = SerialTransport.open(pty.host(), SETTINGS);
            try {
                assertThatThrownBy(() -> SerialTransport.open(byId.toString(), SETTINGS))
                        .isInstanceOf(TransportException.class)
                        .hasMessageContaining("cannot open serial port " + byId + ": it is in use by this norrlab (opened as "
                                + pty.host())
                        .hasMessageNotContaining("does not exist");
            } finally {
                first.close();
            }
            SerialTransport.open(byId.toString(), SETTINGS).close();
        }
    }

    @Test
    void aPortHeldByAnotherHandleOfThisProcessIsInUseNotUnplugged() throws Exception {
        try (PtyPair pty = new PtyPair(temp)) {
            SerialPort other = SerialPort.getCommPort(pty.host());
            assertThat(other.openPort(0)).isTrue();
            try {
                assertThatThrownBy(() -> SerialTransport.open(pty.host(), SETTINGS))
                        .isInstanceOf(TransportException.class)
                        .hasMessageContaining("it is there but in use").hasMessageNotContaining("does not exist");
            } finally {
                other.closePort();
            }
        }
    }

    @Test
    void aPortHeldByAnotherProgramIsInUseByIt() throws Exception {
        try (PtyPair pty = new PtyPair(temp)) {
            // Another program with the port open, as a terminal would hold it: Linux lets a second one open it too.
            Process holder = new ProcessBuilder("sleep", "60").redirectInput(Path.of(pty.host()).toFile()).start();
            try {
                assertThatThrownBy(() -> SerialTransport.open(pty.host(), SETTINGS))
                        .isInstanceOf(TransportException.class)
                        .hasMessage("cannot open serial port " + pty.host() + ": it is in use by another program (pid "
                                + holder.pid() + ", sleep); close that program (PSTrace, a terminal, another norrlab) and"
                                + " start again");
            } finally {
                holder.destroyForcibly().waitFor();
            }
            SerialTransport.open(pty.host(), SETTINGS).close();
        }
    }

    @Test
    void aRegularFileIsNotASerialPort() throws Exception {
        Path text = Files.writeString(temp.resolve("some.txt"), "not a port\n");
        assertThatThrownBy(() -> SerialTransport.open(text.toString(), SETTINGS))
                .isInstanceOf(TransportException.class)
                .hasMessage("cannot open serial port " + text + ": it is a regular file, not a serial port; a port is a device"
                        + " such as /dev/ttyACM0 or /dev/serial/by-id/usb-PalmSens_EmStat4_…-if00; 'norrlab ports' lists"
                        + " the ports there are");
    }

    @Test
    void aPortThatIsNotThereIsStillUnplugged() {
        assertThatThrownBy(() -> SerialTransport.open(temp.resolve("ttyGone").toString(), SETTINGS))
                .isInstanceOf(TransportException.class).hasMessageContaining("does not exist").hasMessageNotContaining("in use");
    }
}
