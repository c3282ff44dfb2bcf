package org.norrlab.driver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.norrlab.core.Technique;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.testing.CollectingSink;
import org.norrlab.testing.Fixtures;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * What every {@link Potentiostat} must do, run against the simulator and each emulated serial driver.
 * The cell behind each is the simulated NiNC catalyst (14.48 mA at -0.5 V vs RHE on 1 cm²).
 */
public abstract class PotentiostatContract {
    protected static final CellSettings CELL = Fixtures.cellAtPh7();
    protected Potentiostat instrument;

    /** Opens the instrument under test, its cell simulated at {@code speed}. */
    protected abstract Potentiostat open(Speed speed) throws Exception;

    protected abstract String family();

    @BeforeEach
    void openInstrument() throws Exception {
        instrument = open(new Speed(20));
    }

    @AfterEach
    void closeInstrument() throws Exception {
        instrument.close();
        afterClose();
    }

    protected void afterClose() throws Exception {
    }

    private ChronoamperometryRequest ca(Duration duration) {
        return new ChronoamperometryRequest(CELL.rheScale().toReference(-0.5), Duration.ofMillis(100), duration,
                CurrentRangeChoice.AUTO);
    }

    @Test
    void identifiesItself() throws Exception {
        InstrumentIdentity identity = instrument.identify();
        assertThat(identity.family()).isEqualTo(family());
        assertThat(identity.model()).isNotBlank();
        assertThat(identity.firmware()).isNotBlank();
        assertThat(identity.serialNumber()).isNotBlank();
        List<Double> ranges = instrument.capabilities().currentRangesAmperes();
        assertThat(ranges).isSorted().isNotEmpty();
    }

    @Test
    void chronoamperometryStreamsEverySampleInOrder() throws Exception {
        instrument.identify();
        CollectingSink sink = new CollectingSink();
        MeasurementEnd end = instrument.start(ca(Duration.ofSeconds(3)), sink)
                .awaitEnd(Duration.ofSeconds(20)).orElseThrow();
        assertThat(end.outcome()).as(end.error().map(Throwable::getMessage).orElse("")).isEqualTo(MeasurementEnd.Outcome.COMPLETED);
        assertThat(sink.samples).hasSize(30);
        assertThat(end.samples()).isEqualTo(30);
        for (int i = 1; i < sink.samples.size(); i++) {
            assertThat(sink.samples.get(i).timeSeconds()).isGreaterThan(sink.samples.get(i - 1).timeSeconds());
        }
        Sample last = sink.samples.get(sink.samples.size() - 1);
        assertThat(last.timeSeconds()).isCloseTo(3.0, within(0.001));
        assertThat(last.currentAmperes()).isCloseTo(-0.01448, within(0.0005));
        assertThat(last.potentialVolts()).isCloseTo(CELL.rheScale().toReference(-0.5), within(0.001));
        assertThat(last.has(SampleFlag.NO_CURRENT)).isFalse();
    }

    @Test
    void abortStopsPromptlyAndTheInstrumentRunsAgain() throws Exception {
        instrument.identify();
        CollectingSink sink = new CollectingSink();
        Measurement longRun = instrument.start(ca(Duration.ofMinutes(2)), sink);
        while (sink.samples.size() < 10) {
            Thread.sleep(5);
        }
        instrument.abort();
        // The 2 min step takes 6 s at 20x: an abort that did not stop it would end it COMPLETED with 1200
        // samples. How soon it stops in wall time depends on the machine's load, so that is not bounded here.
        MeasurementEnd end = longRun.awaitEnd(Duration.ofSeconds(30)).orElseThrow();
        assertThat(end.outcome()).isEqualTo(MeasurementEnd.Outcome.ABORTED);
        assertThat(end.samples()).isEqualTo(sink.samples.size()).isLessThan(1200);

        CollectingSink again = new CollectingSink();
        MeasurementEnd second = instrument.start(ca(Duration.ofSeconds(1)), again)
                .awaitEnd(Duration.ofSeconds(20)).orElseThrow();
        assertThat(second.outcome()).isEqualTo(MeasurementEnd.Outcome.COMPLETED);
        assertThat(again.samples).hasSize(10);
    }

    @Test
    void openCircuitWhereTheInstrumentCanElseAClearRefusal() throws Exception {
        instrument.identify();
        OpenCircuitRequest request = new OpenCircuitRequest(Duration.ofMillis(200), Duration.ofSeconds(2));
        if (!instrument.capabilities().supports(Technique.OPEN_CIRCUIT)) {
            assertThatThrownBy(() -> instrument.start(request, new CollectingSink()))
                    .isInstanceOf(DriverException.class).hasMessageContaining("open-circuit");
            return;
        }
        CollectingSink sink = new CollectingSink();
        MeasurementEnd end = instrument.start(request, sink).awaitEnd(Duration.ofSeconds(20)).orElseThrow();
        assertThat(end.outcome()).isEqualTo(MeasurementEnd.Outcome.COMPLETED);
        assertThat(sink.samples).hasSize(10).allMatch(s -> s.has(SampleFlag.NO_CURRENT));
    }

    /**
     * Where the device can be left with its cell on while idle (as by an earlier session that died),
     * puts it in that state; and forgets what crossed the wire so far.
     */
    protected abstract void leaveTheCellOn() throws Exception;

    /**
     * Checks, from what the device itself reports or received and answered, that the cell was switched
     * off once since {@link #leaveTheCellOn()}.
     */
    protected abstract void assertTheDeviceSwitchedTheCellOff() throws Exception;

    @Test
    void theCellCanBeSwitchedOffWhenIdle() throws Exception {
        instrument.identify();
        leaveTheCellOn();
        instrument.setCellOn(false);
        assertTheDeviceSwitchedTheCellOff();
        instrument.abort();
        assertThat(instrument.identify().family()).as("the instrument still answers").isEqualTo(family());
    }
}
