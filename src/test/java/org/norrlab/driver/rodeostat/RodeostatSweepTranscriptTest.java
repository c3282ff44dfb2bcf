package org.norrlab.driver.rodeostat;

import org.junit.jupiter.api.Test;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Sample;
import org.norrlab.driver.ChronopotentiometryRequest;
import org.norrlab.driver.CyclicVoltammetryRequest;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.driver.LinearSweepRequest;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.MeasurementRequest;
import org.norrlab.testing.CollectingSink;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.ScriptedTransport;
import org.norrlab.transport.LineChannel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The JSON the driver sends for an LSV and a CV, byte for byte, and the samples it makes of the streams. */
class RodeostatSweepTranscriptTest {
    private record Ran(MeasurementEnd end, CollectingSink sink) {
    }

    private static Ran run(String transcript, MeasurementRequest request) throws Exception {
        ScriptedTransport wire = new ScriptedTransport(Path.of("src/test/resources/transcripts/rodeostat/" + transcript));
        RodeostatPotentiostat rodeostat = rodeostat(new LineChannel(wire));
        CollectingSink sink = new CollectingSink();
        MeasurementEnd end = rodeostat.start(request, sink).awaitEnd(Duration.ofSeconds(5)).orElseThrow();
        wire.assertComplete();
        return new Ran(end, sink);
    }

    private static RodeostatPotentiostat rodeostat(LineChannel channel) throws Exception {
        InstrumentProfile profile = new DriverRegistry(Fixtures.HOME).profile("rodeostat");
        return new RodeostatPotentiostat(profile.name(), profile.capabilities(), RodeostatProvider.voltageRanges(profile),
                10, channel, Duration.ofMillis(100));
    }

    @Test
    void anLsvRunsTheLinearSweepTestAndEverySampleIsCycleOneSegmentOne() throws Exception {
        Ran ran = run("lsv.txt", new LinearSweepRequest(-0.2, -0.25, 0.01, 1.0, CurrentRangeChoice.AUTO));
        assertThat(ran.end().outcome()).isEqualTo(MeasurementEnd.Outcome.COMPLETED);
        List<Sample> samples = ran.sink().samples;
        assertThat(samples).extracting(Sample::potentialVolts).containsExactly(-0.21, -0.22, -0.23, -0.24, -0.25);
        assertThat(samples).allMatch(s -> s.cycle() == 1 && s.segment() == 1);
        // -210.5 µA = -2.105e-4 A on the 24 mA range
        assertThat(samples.get(0).currentAmperes()).isCloseTo(-2.105e-4, within(1e-12));
        assertThat(samples.get(4).timeSeconds()).isEqualTo(0.05);
    }

    @Test
    void aCvRunsTheCyclicTestAndEachSampleGetsItsCycleAndSegmentFromTheWaveform() throws Exception {
        Ran ran = run("cv.txt", new CyclicVoltammetryRequest(0.0, 0.1, -0.1, 2, 0.05, 1.0, CurrentRangeChoice.AUTO));
        assertThat(ran.end().outcome()).isEqualTo(MeasurementEnd.Outcome.COMPLETED);
        // Per cycle (400 ms): segment 1 to +0.1 V at 100 ms, segment 2 to -0.1 V at 300 ms, segment 3 back to 0 V.
        assertThat(ran.sink().samples).extracting(s -> s.cycle() + "/" + s.segment()).containsExactly(
                "1/1", "1/1", "1/2", "1/2", "1/2", "1/2", "1/3", "1/3",
                "2/1", "2/1", "2/2", "2/2", "2/2", "2/2", "2/3", "2/3");
        assertThat(ran.sink().samples.get(5).potentialVolts()).isEqualTo(-0.1);
    }

    @Test
    void aSweepBeyondTheLargestVoltageRangeIsRefusedBeforeAnythingIsSent() throws Exception {
        ScriptedTransport wire = new ScriptedTransport(Path.of("src/test/resources/transcripts/rodeostat/lsv.txt"));
        RodeostatPotentiostat rodeostat = rodeostat(new LineChannel(wire));
        assertThatThrownBy(() -> rodeostat.start(new LinearSweepRequest(-0.2, -12.0, 0.01, 1.0, CurrentRangeChoice.AUTO),
                new CollectingSink())).isInstanceOf(DriverException.class)
                .hasMessage("a potential of 12.000 V vs RE (in magnitude) is beyond the Rodeostat's largest voltage range,"
                        + " ±10 V (profile rodeostat, voltage_ranges)");
    }

    @Test
    void chronopotentiometryIsRefusedNamingTheInstrumentAndWhatToDo() throws Exception {
        ScriptedTransport silent = new ScriptedTransport(Path.of("src/test/resources/transcripts/rodeostat/lsv.txt"));
        RodeostatPotentiostat rodeostat = rodeostat(new LineChannel(silent));
        ChronopotentiometryRequest cp = new ChronopotentiometryRequest(-0.01, Duration.ofSeconds(1), Duration.ofSeconds(10),
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, CurrentRangeChoice.AUTO);
        assertThatThrownBy(() -> rodeostat.start(cp, new CollectingSink())).isInstanceOf(DriverException.class)
                .hasMessage("the Rodeostat (rodeostat) cannot hold a current: it is a potentiostat without a galvanostat"
                        + " mode, so it cannot run chronopotentiometry; run the cp step on an instrument whose profile"
                        + " lists cp under techniques, or replace it with a ca step");
    }
}
