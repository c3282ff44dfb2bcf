package org.norrlab.emulator;

import org.junit.jupiter.api.io.TempDir;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.OpenOptions;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.PotentiostatContract;
import org.norrlab.driver.Speed;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PtyPair;
import org.norrlab.transport.RecordingTransport;
import org.norrlab.transport.TransportOpener;
import org.norrlab.transport.WireLog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract against a serial driver talking through jSerialComm to an emulator on a socat pty. */
abstract class EmulatedContract extends PotentiostatContract {
    @TempDir
    Path temp;
    PtyPair pty;
    Emulators.Running emulator;

    /** Every byte between the driver and the emulated device. */
    final WireLog wire = new WireLog();

    protected abstract String profile();

    /** The family's command that switches the cell off, as the host writes it. */
    protected abstract String cellOffCommand();

    /** The device's answer that it did. */
    protected abstract String cellOffAcknowledged();

    @Override
    protected Potentiostat open(Speed speed) throws Exception {
        pty = new PtyPair(temp);
        emulator = Emulators.start(Fixtures.HOME, profile(), pty.device(), CELL, speed, Optional.of("NiNC"), 5, Faults.NONE);
        DriverRegistry registry = new DriverRegistry(Fixtures.HOME);
        TransportOpener recording = (port, serial) -> new RecordingTransport(TransportOpener.SERIAL.open(port, serial), wire);
        return registry.open(registry.profile(profile()), new OpenOptions(CELL, Speed.MAX, Optional.empty(),
                Optional.of(pty.host()), Optional.empty(), Fixtures.HOME, recording));
    }

    /** The emulators keep no cell switch of their own between scripts: what the device was told is on the wire. */
    @Override
    protected void leaveTheCellOn() {
        wire.drain();
    }

    @Override
    protected void assertTheDeviceSwitchedTheCellOff() {
        StringBuilder host = new StringBuilder();
        StringBuilder device = new StringBuilder();
        for (WireLog.Chunk chunk : wire.drain()) {
            (chunk.direction() == WireLog.Direction.HOST ? host : device).append(new String(chunk.bytes(), StandardCharsets.UTF_8));
        }
        int sent = host.toString().split(Pattern.quote(cellOffCommand()), -1).length - 1;
        assertThat(sent).as("cell-off commands %s the host sent; it sent: '%s'", cellOffCommand(), host).isEqualTo(1);
        assertThat(device.toString()).as("the device's answer").contains(cellOffAcknowledged());
    }

    @Override
    protected void afterClose() throws Exception {
        emulator.close();
        pty.close();
    }
}
