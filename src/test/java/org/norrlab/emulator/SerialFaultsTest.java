package org.norrlab.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.EventKind;
import org.norrlab.driver.ChronoamperometryRequest;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.OpenOptions;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.Speed;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.testing.CollectingSink;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PtyPair;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Bad bytes, error replies, slow answers and a vanished port: each gives a clear end and keeps the samples. */
class SerialFaultsTest {
    static final CellSettings CELL = Fixtures.cellAtPh7();
    @TempDir
    Path temp;
    PtyPair pty;
    Emulators.Running emulator;
    Potentiostat driver;

    private Potentiostat open(String profile, Faults faults) throws Exception {
        pty = new PtyPair(temp);
        emulator = Emulators.start(Fixtures.HOME, profile, pty.device(), CELL, new Speed(50), Optional.of("NiNC"), 9, faults);
        DriverRegistry registry = new DriverRegistry(Fixtures.HOME);
        driver = registry.open(registry.profile(profile), new OpenOptions(CELL, Speed.MAX, Optional.empty(),
                Optional.of(pty.host()), Optional.empty(), Fixtures.HOME));
        return driver;
    }

    @AfterEach
    void closeAll() throws Exception {
        if (driver != null) {
            driver.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    private static ChronoamperometryRequest ca(int seconds) {
        return new ChronoamperometryRequest(CELL.rheScale().toReference(-0.5), Duration.ofMillis(100),
                Duration.ofSeconds(seconds), CurrentRangeChoice.AUTO);
    }

    private MeasurementEnd run(Potentiostat instrument, int seconds, CollectingSink sink) throws Exception {
        return instrument.start(ca(seconds), sink).awaitEnd(Duration.ofSeconds(60)).orElseThrow();
    }

    @Test
    void writesSplitAnywhereAndSomeLineNoiseLoseNoSample() throws Exception {
        Potentiostat ms = open("emstat4-hr", Faults.NONE.withMaxChunk(5).withNoiseEvery(40));
        CollectingSink sink = new CollectingSink();
        MeasurementEnd end = run(ms, 30, sink);
        assertThat(end.outcome()).isEqualTo(MeasurementEnd.Outcome.COMPLETED);
        assertThat(sink.samples).hasSize(300);
    }

    @Test
    void tooMuchGarbageEndsTheStepWithAClearErrorAndKeepsWhatCameBefore() throws Exception {
        Potentiostat ms = open("emstat4-hr", Faults.NONE.withNoiseEvery(1));
        CollectingSink sink = new CollectingSink();
        MeasurementEnd end = run(ms, 30, sink);
        assertThat(end.outcome()).isEqualTo(MeasurementEnd.Outcome.FAILED);
        assertThat(end.error().orElseThrow()).isInstanceOf(DriverException.BadFrame.class)
                .hasMessageContaining("could not be read (more than the profile's max_malformed_lines of 10)");
        assertThat(sink.samples).hasSizeGreaterThanOrEqualTo(10).hasSizeLessThan(300);
    }

    @Test
    void aDeviceErrorIsNamedWithItsMeaning() throws Exception {
        Potentiostat ms = open("emstat4-hr", Faults.NONE.withErrorAfter(21));
        CollectingSink sink = new CollectingSink();
        MeasurementEnd end = run(ms, 30, sink);
        assertThat(end.outcome()).isEqualTo(MeasurementEnd.Outcome.FAILED);
        assertThat(end.error().orElseThrow()).isInstanceOf(DriverException.DeviceError.class)
                .hasMessage("the instrument reported error 0032: critical cell overload, measurement aborted");
        assertThat(sink.samples).hasSize(20);
        assertThat(sink.events).anyMatch(e -> e.kind() == EventKind.DEVICE_ERROR);
    }

    @Test
    void slowRepliesWithinTheReadTimeoutStillWork() throws Exception {
        Potentiostat ms = open("emstat4-lr", Faults.NONE.withReplyDelay(Duration.ofMillis(300)));
        assertThat(ms.identify().firmware()).startsWith("es4_lr");
    }

    @Test
    void aDeviceThatFallsSilentIsStoppedAfterTheStallLimitWithTheSamplesKept() throws Exception {
        // The emulator closes its end mid-step; through socat the driver sees a device that stopped talking.
        Potentiostat ms = open("emstat4-hr", Faults.NONE.withVanishAfter(51));
        CollectingSink sink = new CollectingSink();
        // run() waits at most 60 s for the end: a driver that never noticed the silence fails there.
        MeasurementEnd end = run(ms, 60, sink);
        assertThat(end.outcome()).isEqualTo(MeasurementEnd.Outcome.FAILED);
        assertThat(end.error().orElseThrow()).isInstanceOf(DriverException.Timeout.class)
                .hasMessageContaining("sent nothing for 3 s");
        // The emulator wrote 50 samples before closing; lines still in socat's buffer when it closed are
        // lost on the way (48 arrived on a busy machine). What did arrive is the unbroken start of the
        // step, every one of it counted by the driver.
        assertThat(sink.samples).hasSizeBetween(1, 50);
        assertThat(end.samples()).isEqualTo(sink.samples.size());
        assertUnbroken(sink, 0.1);
    }

    /** Each sample one interval after the one before it: none lost or duplicated in the middle. */
    private static void assertUnbroken(CollectingSink sink, double intervalSeconds) {
        for (int i = 1; i < sink.samples.size(); i++) {
            assertThat(sink.samples.get(i).timeSeconds() - sink.samples.get(i - 1).timeSeconds()).as("sample %d", i)
                    .isCloseTo(intervalSeconds, within(1e-6));
        }
    }

    @Test
    void killingSocatMidStepIsNoticedWithinAReadTimeout() throws Exception {
        for (String profile : new String[] {"emstat4-hr", "rodeostat"}) {
            Potentiostat instrument = open(profile, Faults.NONE);
            CollectingSink sink = new CollectingSink();
            // 600 s at 50x: still running, whatever the machine's load, when socat is killed after 20 samples.
            var measurement = instrument.start(ca(600), sink);
            while (sink.samples.size() < 20) {
                Thread.sleep(5);
            }
            pty.kill();
            // A lost link is noticed from the failed read (LINK_LOST); a driver that missed it would end
            // only through the 3 s stall limit, as FAILED with a timeout, whatever the machine's speed.
            MeasurementEnd end = measurement.awaitEnd(Duration.ofSeconds(30)).orElseThrow();
            assertThat(end.outcome()).as(profile).isEqualTo(MeasurementEnd.Outcome.LINK_LOST);
            assertThat(end.error()).as(profile).get().isInstanceOf(DriverException.LinkLost.class);
            assertThat(end.samples()).isEqualTo(sink.samples.size());
            closeAll();
            driver = null;
            emulator = null;
            pty = null;
        }
    }

    @Test
    void theWrongProfileForTheDeviceIsRefusedAtIdentify() throws Exception {
        pty = new PtyPair(temp);
        emulator = Emulators.start(Fixtures.HOME, "emstat4-hr", pty.device(), CELL, new Speed(50), Optional.empty(), 1,
                Faults.NONE);
        DriverRegistry registry = new DriverRegistry(Fixtures.HOME);
        driver = registry.open(registry.profile("emstat-pico"), new OpenOptions(CELL, Speed.MAX, Optional.empty(),
                Optional.of(pty.host()), Optional.empty(), Fixtures.HOME));
        assertThatThrownBy(() -> driver.identify()).isInstanceOf(DriverException.class)
                .hasMessageContaining("reports firmware 'es4_hr1500#").hasMessageContaining("which is not a emstat-pico");
    }

    @Test
    void aMissingPortIsNamed() throws Exception {
        DriverRegistry registry = new DriverRegistry(Fixtures.HOME);
        assertThatThrownBy(() -> registry.open(registry.profile("emstat4-hr"), new OpenOptions(CELL, Speed.MAX,
                Optional.empty(), Optional.of(temp.resolve("ttyNone").toString()), Optional.empty(), Fixtures.HOME)))
                .isInstanceOf(DriverException.class).hasMessageContaining("ttyNone does not exist")
                .hasMessageContaining("'norrlab ports' lists the ports there are");
    }
}
