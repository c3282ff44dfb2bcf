package org.norrlab.driver.rodeostat;

import org.junit.jupiter.api.Test;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Sample;
import org.norrlab.driver.CyclicVoltammetryRequest;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.LinearSweepRequest;
import org.norrlab.protocol.rodeostat.RodeostatWaveforms;
import org.norrlab.testing.SharedFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** LSV and CV requests as the Rodeostat's linearSweep and cyclic tests, and each sample's place in the waveform. */
class RodeostatSweepTest {
    private static final CurrentRangeChoice AUTO = CurrentRangeChoice.AUTO;

    @Test
    void anLsvIsALinearSweepTestOfWholeMilliseconds() throws Exception {
        // -0.2 → -0.7 V at 5 mV/s: 0.5 V / 0.005 V/s = 100 s = 100000 ms; one sample per 1 mV: 0.001 / 0.005 = 200 ms.
        RodeostatSweep lsv = RodeostatSweep.linear(new LinearSweepRequest(-0.2, -0.7, 0.001, 0.005, AUTO));
        assertThat(lsv.test()).isEqualTo("linearSweep");
        assertThat(lsv.param().toString()).isEqualTo(
                "{\"quietValue\":-0.2,\"quietTime\":0,\"startValue\":-0.2,\"finalValue\":-0.7,\"duration\":100000}");
        assertThat(lsv.samplePeriodMillis()).isEqualTo(200);
        assertThat(lsv.duration().toMillis()).isEqualTo(100000);
        assertThat(lsv.largestMagnitudeVolts()).isEqualTo(0.7);
        Sample any = new Sample(50, -0.45, -1e-3, 0.024, 0);
        assertThat(lsv.place(any, 50000)).isEqualTo(any.inSweep(1, 1));
        assertThat(lsv.place(any, 100000)).isEqualTo(any.inSweep(1, 1));
    }

    @Test
    void aCvStartingBetweenItsVerticesIsATriangleShiftedToItsBegin() throws Exception {
        // begin 0 V, first down to -0.5 V, up to +0.5 V, back to 0 V, at 0.1 V/s, 3 cycles, 1 mV step.
        // amplitude (0.5 - -0.5)/2 = 0.5, offset 0; period 2 × 1.0 V / 0.1 V/s = 20 s = 20000 ms; sample period
        // 0.001/0.1 = 10 ms. The wave starts at its minimum and rises; 0 V heading down is on the falling half,
        // 0.5/(2 × 1.0) = 0.25 of a period before its end, so shift = 1 - 0.25 = 0.75.
        RodeostatSweep cv = RodeostatSweep.cyclic(new CyclicVoltammetryRequest(0.0, -0.5, 0.5, 3, 0.001, 0.1, AUTO));
        assertThat(cv.test()).isEqualTo("cyclic");
        assertThat(cv.param().toString()).isEqualTo("{\"quietValue\":0.0,\"quietTime\":0,\"amplitude\":0.5,\"offset\":0.0,"
                + "\"period\":20000,\"numCycles\":3,\"shift\":0.75}");
        assertThat(cv.samplePeriodMillis()).isEqualTo(10);
        assertThat(cv.duration().toMillis()).isEqualTo(60000);
        // The firmware's wave with these parameters passes begin, vertex 1, vertex 2 and begin at 0, 5, 15 and 20 s.
        assertThat(RodeostatWaveforms.cyclic(0, 0, 0, 0.5, 0, 20000, 0.75)).isCloseTo(0.0, within(1e-12));
        assertThat(RodeostatWaveforms.cyclic(5000, 0, 0, 0.5, 0, 20000, 0.75)).isCloseTo(-0.5, within(1e-12));
        assertThat(RodeostatWaveforms.cyclic(15000, 0, 0, 0.5, 0, 20000, 0.75)).isCloseTo(0.5, within(1e-12));
        assertThat(RodeostatWaveforms.cyclic(20000, 0, 0, 0.5, 0, 20000, 0.75)).isCloseTo(0.0, within(1e-12));
        // Segments: begin → -0.5 V in 0.5/0.1 = 5 s, -0.5 → +0.5 V in the next 10 s, back to 0 V in the last 5 s.
        // A sample at a vertex ends the segment that reaches it.
        Sample any = new Sample(1, 0, 0, 0.024, 0);
        assertThat(place(cv, any, 10, 5000, 5010, 15000, 15010, 20000, 20010, 60000)).containsExactly(
                "1/1", "1/1", "1/2", "1/2", "1/3", "1/3", "2/1", "3/3");
    }

    @Test
    void aCvThatBeginsAtAVertexHasNoFirstSegment() throws Exception {
        // begin = vertex 1 = 0.4 V: shift puts the wave at its maximum heading down (half a period: 0.5).
        RodeostatSweep cv = RodeostatSweep.cyclic(new CyclicVoltammetryRequest(0.4, 0.4, 0.0, 1, 0.01, 0.1, AUTO));
        assertThat(cv.param().get("shift").asDouble()).isEqualTo(0.5);
        Sample any = new Sample(1, 0, 0, 0.024, 0);
        // period 2 × 0.4 / 0.1 = 8 s: 0.4 → 0.0 V in 4 s (segment 2), back in 4 s (segment 3).
        assertThat(place(cv, any, 100, 4000, 4100, 8000)).containsExactly("1/2", "1/2", "1/3", "1/3");
    }

    @Test
    void aScanRateThatIsNoWholeNumberOfMillisecondsIsRefusedSayingWhatIsAllowed() {
        // 2 × 0.04 V / 0.3 V/s = 266.667 ms per cycle; 267 ms moves the scan rate by 0.333/266.667 = 0.125 %
        // (printed 0.12: the binary value lies just below the half).
        assertThatThrownBy(() -> RodeostatSweep.cyclic(new CyclicVoltammetryRequest(0.0, 0.02, -0.02, 1, 0.003, 0.3, AUTO)))
                .isInstanceOf(DriverException.class)
                .hasMessage("the Rodeostat times a CV cycle in whole milliseconds: 0.08 V at 0.3 V/s takes 266.667 ms,"
                        + " and 267 ms would change the scan rate by 0.12 %; choose a scan rate for which 0.08 V takes a"
                        + " whole number of milliseconds (within 0.1 %)");
    }

    @Test
    void aStepThatIsNoSamplePeriodOfOneToAThousandMillisecondsIsRefused() {
        // 1 mV at 0.1 mV/s is one sample every 10 s: the firmware samples at most every 1000 ms.
        assertThatThrownBy(() -> RodeostatSweep.linear(new LinearSweepRequest(-0.2, -0.3, 0.001, 0.0001, AUTO)))
                .isInstanceOf(DriverException.class)
                .hasMessage("the Rodeostat samples every 1 to 1000 whole milliseconds: a step of 0.001 V at 0.0001 V/s"
                        + " needs one sample every 10000.000 ms; choose a step between 1e-7 V and 0.0001 V that is"
                        + " the scan rate times a whole number of milliseconds (within 1 %)");
    }

    /**
     * The IO Rodeo documentation's real cyclic run (quietValue -0.1 V for 1000 ms, amplitude 0.6 V, offset 0.5 V,
     * period 2000 ms, 2 cycles, shift 0, 10 ms samples) is the CV begin -0.1 V → 1.1 V → -0.1 V at
     * 4 × 0.6 / 2 s = 1.2 V/s with a 1.2 V/s × 10 ms = 12 mV step: the same parameters, the same set points, and
     * each sample's segment rises or falls as its potential does.
     */
    @Test
    void aRealCyclicRunMatchesTheWaveformAndItsCyclesAndSegments() throws Exception {
        Path file = SharedFixtures.vendorFile("rodeostat/cyclic_test_data.txt");
        RodeostatSweep cv = RodeostatSweep.cyclic(new CyclicVoltammetryRequest(-0.1, 1.1, -0.1, 2, 0.012, 1.2, AUTO));
        assertThat(cv.param().toString()).isEqualTo("{\"quietValue\":-0.1,\"quietTime\":0,\"amplitude\":0.6,"
                + "\"offset\":0.5,\"period\":2000,\"numCycles\":2,\"shift\":0.0}");
        assertThat(cv.samplePeriodMillis()).isEqualTo(10);
        long quiet = 1000;
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Double> previous = new TreeMap<>();
        int quietRows = 0;
        for (String line : Files.readAllLines(file)) {
            String[] cells = line.split(",");
            long t = Math.round(Double.parseDouble(cells[0].trim()) * 1000);
            double volts = Double.parseDouble(cells[1].trim());
            assertThat(RodeostatWaveforms.cyclic(t, -0.1, quiet, 0.6, 0.5, 2000, 0)).as("t = %d ms", t)
                    .isCloseTo(volts, within(0.5e-4));   // the file keeps 4 decimals
            if (t <= quiet) {
                quietRows++;
                continue;
            }
            Sample placed = cv.place(new Sample(t / 1000.0, volts, 0, 1e-4, 0), t - quiet);
            String key = placed.cycle() + "/" + placed.segment();
            counts.merge(key, 1, Integer::sum);
            Double before = previous.put(key, volts);
            if (before != null) {
                assertThat(placed.segment() == 1 ? volts > before : volts < before).as("t = %d ms in %s", t, key).isTrue();
            }
        }
        // 5000 ms of 10 ms samples from t = 10 ms: 100 in the quiet second, then per 2000 ms cycle 1000 ms rising
        // (segment 1) and 1000 ms falling (segment 2); begin is vertex 2, so there is no segment 3.
        assertThat(quietRows).isEqualTo(100);
        assertThat(counts).isEqualTo(Map.of("1/1", 100, "1/2", 100, "2/1", 100, "2/2", 100));
        assertThat(RodeostatWaveforms.cyclicDoneMillis(quiet, 2000, 2)).isEqualTo(5000);
    }

    private static List<String> place(RodeostatSweep sweep, Sample sample, long... tMillis) {
        return java.util.Arrays.stream(tMillis).mapToObj(t -> sweep.place(sample, t))
                .map(s -> s.cycle() + "/" + s.segment()).toList();
    }
}
