package org.norrlab.emulator;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.driver.methodscript.MethodScriptProvider;
import org.norrlab.protocol.methodscript.ScriptWriter;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PtyPair;
import org.norrlab.transport.LineChannel;
import org.norrlab.transport.SerialTransport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's {@code meas_loop_cp}, byte for byte over a pty: an EmStat4 runs it, an EmStat Pico (which has no
 * such loop) answers the script with error 4001 as an unknown command, and its cell is never asked.
 */
class MethodScriptCpEmulatorTest {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"emstat4-hr, es4_hr", "emstat-pico, espico"})
    void aCpScriptRunsWhereTheDeviceHasTheLoop(String profileName, String firmware) throws Exception {
        DriverRegistry registry = new DriverRegistry(Fixtures.HOME);
        InstrumentProfile device = registry.profile(profileName);
        Map<Double, Integer> codes = new TreeMap<>();
        MethodScriptProvider.rangeCodes(device).forEach((code, fullScale) -> codes.putIfAbsent(fullScale, code));
        DummyCell cell = new DummyCell(device.capabilities());
        try (PtyPair pty = new PtyPair(temp)) {
            SerialTransport devicePort = SerialTransport.openForEmulator(pty.device(), device.serial().orElseThrow());
            MethodScriptEmulator emulator = new MethodScriptEmulator(devicePort, cell, firmware + "1500#Nov 27 2026 12:00:00",
                    "EMU1", codes, Faults.NONE);
            Thread thread = new Thread(emulator, "emulator " + profileName);
            thread.setDaemon(true);
            thread.start();
            try (LineChannel host = new LineChannel(SerialTransport.open(pty.host(), device.serial().orElseThrow()))) {
                // -1 mA every 100 ms for 300 ms
                host.send(ScriptWriter.frame(ScriptWriter.chronopotentiometry(-1e-3, 0.1, 0.3, 1e-3,
                        new ScriptWriter.Settings(2, 60, 1e-7, 0.1))));
                List<String> lines = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (true) {
                    String line = host.nextLine(deadline).orElseThrow(() -> new AssertionError("no end line; got " + lines));
                    lines.add(line);
                    if (line.isEmpty()) {
                        break;
                    }
                }
                if (profileName.equals("emstat-pico")) {
                    // meas_loop_cp is the script's 15th line, counting the "e" line
                    assertThat(lines).containsExactly("e", "!4001: (Line 15, Col 1)", "");
                    assertThat(cell.requests).isEmpty();
                } else {
                    // t: 0.1 s = 100 000 000 ns is not below 10^8 (the firmware's observed limit, DataValue), so µs:
                    // 100 000 us = 0x186A0 -> 80186A0u;
                    // 0.2 s = 2e8 ns is too large, so us: 200000 = 0x30D40 -> 8030D40u; 300000 = 0x493E0 -> 80493E0u;
                    // ab: -1 mA * 10 kOhm = -10 V = -10000000 uV -> 0x8000000 - 0x989680 = 7676980u, status 0;
                    // db: -1 mA = -1000000 nA -> 0x8000000 - 0xF4240 = 7F0BDC0n
                    assertThat(lines).containsExactly("e", "M0009",
                            "Peb80186A0u;ab7676980u,10;db7F0BDC0n",
                            "Peb8030D40u;ab7676980u,10;db7F0BDC0n",
                            "Peb80493E0u;ab7676980u,10;db7F0BDC0n",
                            "*", "");
                    assertThat(cell.requests).hasSize(1);
                }
            } finally {
                emulator.stop();
                devicePort.close();
                thread.join(2000);
            }
        }
    }
}
