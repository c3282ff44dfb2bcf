package org.norrlab.driver.methodscript;

import org.junit.jupiter.api.Test;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.driver.ChronoamperometryRequest;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.OpenCircuitRequest;
import org.norrlab.testing.CollectingSink;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.ScriptedTransport;
import org.norrlab.transport.LineChannel;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The MethodSCRIPT driver against recorded conversations, byte for byte. */
class MethodScriptTranscriptTest {
    static final Path TRANSCRIPTS = Path.of("src/test/resources/transcripts/methodscript");

    private static MethodScriptPotentiostat driver(ScriptedTransport wire) throws Exception {
        InstrumentProfile profile = new DriverRegistry(Fixtures.HOME).profile("emstat4-hr");
        MethodScriptSettings settings = profile.familySettings(MethodScriptSettings.class);
        return new MethodScriptPotentiostat(profile.name(), profile.capabilities(), settings, new LineChannel(wire),
                Duration.ofMillis(100));
    }

    @Test
    void connectIdentifyChronoamperometryClose() throws Exception {
        ScriptedTransport wire = new ScriptedTransport(TRANSCRIPTS.resolve("identify-ca-close.txt"));
        MethodScriptPotentiostat ms = driver(wire);
        ms.sync();
        var identity = ms.identify();
        assertThat(identity.firmware()).isEqualTo("es4_hr1500#Mar 12 2026 14:28:01");
        assertThat(identity.serialNumber()).isEqualTo("ES4HR20B0008");
        assertThat(identity.model()).isEqualTo("es4_hr (MethodSCRIPT)");
        CollectingSink sink = new CollectingSink();
        MeasurementEnd end = ms.start(new ChronoamperometryRequest(-1.111, Duration.ofMillis(100),
                Duration.ofMillis(300), CurrentRangeChoice.AUTO), sink).awaitEnd(Duration.ofSeconds(5)).orElseThrow();
        assertThat(end.outcome()).isEqualTo(MeasurementEnd.Outcome.COMPLETED);
        assertThat(sink.samples).hasSize(3);
        Sample spike = sink.samples.get(0);
        assertThat(spike.timeSeconds()).isCloseTo(0.1, within(1e-9));
        assertThat(spike.potentialVolts()).isCloseTo(-1.111, within(1e-9));
        assertThat(spike.currentAmperes()).isCloseTo(-0.035, within(1e-12));
        assertThat(spike.rangeAmperes()).isCloseTo(0.01, within(1e-15));
        assertThat(spike.has(SampleFlag.OVERLOAD)).isTrue();
        Sample second = sink.samples.get(1);
        assertThat(second.rangeAmperes()).isCloseTo(0.1, within(1e-15));
        assertThat(second.has(SampleFlag.RANGE_CHANGED)).isTrue();
        assertThat(second.has(SampleFlag.OVERLOAD)).isFalse();
        assertThat(sink.samples.get(2).currentAmperes()).isCloseTo(-0.01447, within(1e-12));
        ms.close();
        wire.assertComplete();
    }

    @Test
    void aScriptErrorEndsTheStepWithItsMeaning() throws Exception {
        ScriptedTransport wire = new ScriptedTransport(TRANSCRIPTS.resolve("script-error.txt"));
        MethodScriptPotentiostat ms = driver(wire);
        CollectingSink sink = new CollectingSink();
        MeasurementEnd end = ms.start(new OpenCircuitRequest(Duration.ofSeconds(1), Duration.ofSeconds(2)), sink)
                .awaitEnd(Duration.ofSeconds(5)).orElseThrow();
        assertThat(end.outcome()).isEqualTo(MeasurementEnd.Outcome.FAILED);
        assertThat(end.error().orElseThrow()).isInstanceOf(DriverException.DeviceError.class)
                .hasMessage("the instrument reported error 4001: script command unknown ((Line 9, Col 1))");
        wire.assertComplete();
    }
}
