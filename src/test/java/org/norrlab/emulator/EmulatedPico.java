package org.norrlab.emulator;

import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.driver.OpenOptions;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.Speed;
import org.norrlab.driver.methodscript.MethodScriptProvider;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PtyPair;
import org.norrlab.transport.SerialTransport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An emulated EmStat Pico on a dummy cell behind a socat pty, and the norrlab driver connected to it through
 * jSerialComm: what the MethodScript over-pty tests share. Closing it stops both ends and removes the temporary folder.
 *
 * @param temp       the temporary folder holding the pty links
 * @param devicePort the emulator's side of the line, recording what the device wrote
 * @param cell       the dummy cell the emulator measures, recording the requests it was asked
 * @param driver     the driver, connected
 */
record EmulatedPico(Path temp, PtyPair pty, DeviceOutput devicePort, DummyCell cell, MethodScriptEmulator emulator,
                    Thread emulatorThread, Potentiostat driver) implements AutoCloseable {

    static EmulatedPico connect(String tempPrefix) throws Exception {
        Path temp = Files.createTempDirectory(tempPrefix);
        PtyPair pty = new PtyPair(temp);
        DriverRegistry registry = new DriverRegistry(Fixtures.HOME);
        InstrumentProfile device = registry.profile("emstat-pico");
        Map<Double, Integer> codes = new TreeMap<>();
        MethodScriptProvider.rangeCodes(device).forEach((code, fullScale) -> codes.putIfAbsent(fullScale, code));
        DeviceOutput devicePort = new DeviceOutput(SerialTransport.openForEmulator(pty.device(),
                device.serial().orElseThrow()));
        DummyCell cell = new DummyCell(device.capabilities());
        MethodScriptEmulator emulator = new MethodScriptEmulator(devicePort, cell, "espico1500#Nov 27 2026 12:00:00",
                "EMU1", codes, Faults.NONE);
        Thread emulatorThread = new Thread(emulator, "emulator emstat-pico");
        emulatorThread.setDaemon(true);
        emulatorThread.start();
        Potentiostat driver = registry.open(device, new OpenOptions(Fixtures.cellAtPh7(), Speed.REAL_TIME,
                Optional.empty(), Optional.of(pty.host()), Optional.empty(), Fixtures.HOME));
        return new EmulatedPico(temp, pty, devicePort, cell, emulator, emulatorThread, driver);
    }

    @Override
    public void close() throws Exception {
        driver.close();
        emulator.stop();
        devicePort.close();
        emulatorThread.join(2000);
        pty.close();
        try (var files = Files.walk(temp)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
