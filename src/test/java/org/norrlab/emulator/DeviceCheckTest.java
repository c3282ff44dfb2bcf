package org.norrlab.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.norrlab.config.SiteConfig;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.Speed;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.store.StoreLocation;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PtyPair;
import org.norrlab.transport.SerialSettings;
import org.norrlab.transport.SerialTransport;
import org.norrlab.transport.TransportException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Before a session starts, the device on the port must be the profile's: the right Rodeostat variant,
 * the right kind of instrument, a device that speaks at the profile's baud rate. A refusal says what
 * answered, and an unidentified device is sent no cell-off command.
 */
class DeviceCheckTest {
    @TempDir
    Path temp;

    private RunRequest request(String profile, PtyPair pty) throws Exception {
        Path protocol = temp.resolve("p.yaml");
        Files.writeString(protocol, "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 2 s, interval: 100 ms}\n");
        return new RunRequest(protocol, profile, Speed.REAL_TIME, Optional.empty(), Optional.empty(), Optional.of(pty.host()),
                Optional.of(StoreLocation.file(temp.resolve("check.db"))));
    }

    private static boolean anyCellOff(List<String> received) {
        return received.stream().anyMatch(l -> l.contains("\"setVolt\"") || l.contains("setAllElectConnected") || l.equals("cell_off"));
    }

    @Test
    void aMicroAmpRodeostatIsRefusedForThe24MilliAmpProfileBeforeTheSession() throws Exception {
        try (PtyPair pty = new PtyPair(temp);
             Emulators.Running emulator = Emulators.start(Fixtures.HOME, "rodeostat-micro", pty.device(), Fixtures.cellAtPh7(),
                     Speed.REAL_TIME, Optional.of("NiNC"), 3, Faults.NONE)) {
            assertThatThrownBy(() -> new RunService(SiteConfig.load(Fixtures.HOME)).prepare(request("rodeostat", pty)))
                    .isInstanceOf(DriverException.class)
                    .hasMessageContaining("microAmp variant ('10V_microAmpV0.2')")
                    .hasMessageContaining("without the current ranges 12000uA, 24000uA")
                    .hasMessageContaining("profile rodeostat describes the 24MilliAmp variant");
            assertThat(anyCellOff(emulator.received().get())).as("no cell-off to a device that was refused").isFalse();
        }
        assertThat(Files.exists(temp.resolve("check.db"))).as("no session was started").isFalse();
    }

    @ParameterizedTest(name = "{0} on the port, profile {1}")
    @CsvSource({"emstat4-hr, rodeostat, '{!0003', the reply to stopTest from a Rodeostat (rodeostat)",
            "rodeostat, emstat4-hr, json deserialization error, the reply to abort (Z) from a emstat4-hr (MethodSCRIPT)"})
    void aDeviceOfAnotherKindIsNamedInTheRefusal(String device, String profile, String answer, String expected) throws Exception {
        try (PtyPair pty = new PtyPair(temp);
             Emulators.Running emulator = Emulators.start(Fixtures.HOME, device, pty.device(), Fixtures.cellAtPh7(),
                     Speed.REAL_TIME, Optional.of("NiNC"), 3, Faults.NONE)) {
            assertThatThrownBy(() -> new RunService(SiteConfig.load(Fixtures.HOME)).prepare(request(profile, pty)))
                    .isInstanceOf(DriverException.class)
                    .hasMessageContaining("a device on " + pty.host() + " answered '")
                    .hasMessageContaining(answer)
                    .hasMessageContaining("expected " + expected);
            assertThat(anyCellOff(emulator.received().get())).as("no cell-off to an unidentified device").isFalse();
        }
    }

    /** A device talking at another baud rate: to the host, an endless stream of bytes that never form a line. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"emstat4-hr", "rodeostat"})
    void aDeviceStreamingUnreadableBytesIsRefusedWithWhatItSent(String profile) throws Exception {
        try (PtyPair pty = new PtyPair(temp)) {
            SerialTransport device = SerialTransport.openForEmulator(pty.device(), SerialSettings.eightNoneOne(115200,
                    Duration.ofMillis(100)));
            AtomicBoolean stop = new AtomicBoolean();
            Thread garbage = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(5);
                byte[] chunk = new byte[64];
                try {
                    while (!stop.get()) {
                        for (int i = 0; i < chunk.length; i++) {
                            chunk[i] = (byte) (0x80 + random.nextInt(0x7F)); // never a line end
                        }
                        device.write(chunk);
                        Thread.sleep(1);
                    }
                } catch (TransportException | InterruptedException e) {
                    // the test is over
                }
            }, "garbage writer");
            garbage.setDaemon(true);
            garbage.start();
            try {
                // Guards against today's hang only; nothing here depends on how fast the machine is.
                DriverException refused = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                    try {
                        new RunService(SiteConfig.load(Fixtures.HOME)).prepare(request(profile, pty));
                        return null;
                    } catch (DriverException e) {
                        return e;
                    }
                });
                assertThat(refused).isNotNull();
                assertThat(refused.getMessage()).contains("the device on " + pty.host() + " sent ")
                        .containsPattern("\\d+ bytes that form no line, beginning '(\\\\x[89A-F][0-9A-F])+'")
                        .contains("wrong baud rate");
            } finally {
                stop.set(true);
                garbage.join(5000);
                device.close();
            }
        }
    }
}
