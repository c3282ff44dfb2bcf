package org.norrlab.driver.rodeostat;

import org.junit.jupiter.api.Test;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.EventKind;
import org.norrlab.core.SampleFlag;
import org.norrlab.driver.ChronoamperometryRequest;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.testing.CollectingSink;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.ScriptedTransport;
import org.norrlab.transport.LineChannel;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An overflowed reading arrives as a bare Infinity: it is kept as the range's full scale, flagged overload,
 * with an event that says so, never as an infinite current that would make the step's charge infinite.
 */
class RodeostatInfiniteCurrentTest {
    @Test
    void anInfiniteCurrentIsStoredAsTheFullScaleFlaggedOverload() throws Exception {
        ScriptedTransport wire = new ScriptedTransport(Path.of("src/test/resources/transcripts/rodeostat/ca-infinite-current.txt"));
        InstrumentProfile profile = new DriverRegistry(Fixtures.HOME).profile("rodeostat");
        RodeostatPotentiostat rodeostat = new RodeostatPotentiostat(profile.name(), profile.capabilities(),
                RodeostatProvider.voltageRanges(profile), 10, new LineChannel(wire), Duration.ofMillis(100));
        CollectingSink sink = new CollectingSink();
        MeasurementEnd end = rodeostat.start(new ChronoamperometryRequest(-1.111, Duration.ofMillis(10),
                Duration.ofMillis(30), CurrentRangeChoice.AUTO), sink).awaitEnd(Duration.ofSeconds(5)).orElseThrow();
        assertThat(end.outcome()).isEqualTo(MeasurementEnd.Outcome.COMPLETED);
        assertThat(sink.samples).hasSize(3).allMatch(s -> Double.isFinite(s.currentAmperes()));
        assertThat(sink.samples.get(1).currentAmperes()).isEqualTo(-0.024);
        assertThat(sink.samples.get(1).has(SampleFlag.OVERLOAD)).isTrue();
        assertThat(sink.samples.get(2).has(SampleFlag.OVERLOAD)).isFalse();
        assertThat(sink.events).filteredOn(e -> e.kind() == EventKind.DEVICE_ERROR).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("infinite current at 0.020 s").contains("flagged overload"));
    }
}
