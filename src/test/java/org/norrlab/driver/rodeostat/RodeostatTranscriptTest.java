package org.norrlab.driver.rodeostat;

import org.junit.jupiter.api.Test;
import org.norrlab.core.CurrentRangeChoice;
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
import static org.assertj.core.api.Assertions.within;

class RodeostatTranscriptTest {
    @Test
    void connectIdentifyConstantTestAndCellOff() throws Exception {
        ScriptedTransport wire = new ScriptedTransport(Path.of("src/test/resources/transcripts/rodeostat/identify-ca.txt"));
        InstrumentProfile profile = new DriverRegistry(Fixtures.HOME).profile("rodeostat");
        RodeostatPotentiostat rodeostat = new RodeostatPotentiostat(profile.name(), profile.capabilities(),
                RodeostatProvider.voltageRanges(profile), 10, new LineChannel(wire), Duration.ofMillis(100));
        rodeostat.sync();
        var identity = rodeostat.identify();
        assertThat(identity.model()).isEqualTo("IO Rodeo Rodeostat 10V_24MilliAmpV0.2 (hardware V0.2)");
        assertThat(identity.firmware()).isEqualTo("FW0.1.0");
        CollectingSink sink = new CollectingSink();
        MeasurementEnd end = rodeostat.start(new ChronoamperometryRequest(-1.111, Duration.ofMillis(10),
                Duration.ofMillis(30), CurrentRangeChoice.AUTO), sink).awaitEnd(Duration.ofSeconds(5)).orElseThrow();
        assertThat(end.outcome()).isEqualTo(MeasurementEnd.Outcome.COMPLETED);
        assertThat(sink.samples).hasSize(3);
        assertThat(sink.samples.get(0).currentAmperes()).isCloseTo(-0.0144805, within(1e-12));
        assertThat(sink.samples.get(0).rangeAmperes()).isCloseTo(0.024, within(1e-15));
        assertThat(sink.samples.get(1).timeSeconds()).isEqualTo(0.02);
        assertThat(sink.samples.get(2).has(SampleFlag.NO_CURRENT)).isTrue();
        rodeostat.close();
        wire.assertComplete();
    }
}
