package org.norrlab.driver.methodscript;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.EventKind;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.core.Technique;
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
import org.norrlab.testing.SharedFixtures;
import org.norrlab.transport.LineChannel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * LSV, CV and CP on the MethodSCRIPT driver, byte for byte: the scripts it writes are spelled out here, and the
 * device's answers are real EmStat Pico output (serial-protocols.md §1.4, §1.6 and the vendor fixture) or
 * hand-encoded lines whose hex is worked out in the comments.
 */
class MethodScriptSweepTranscriptTest {
    @TempDir
    Path temp;

    /** The LSV script for -0.5 → +0.5 V, 10 mV steps at 100 mV/s on the EmStat Pico profile (auto range: 100 nA .. 5 mA). */
    static final String LSV_SCRIPT = "e\\nvar p\\nvar c\\nset_pgstat_chan 0\\nset_pgstat_mode 2\\nset_max_bandwidth 60\\n"
            + "set_range_minmax da -500m 500m\\nset_range ba 5m\\nset_autoranging ba 100n 5m\\nset_e -500m\\ncell_on\\n"
            + "meas_loop_lsv p c -500m 500m 10m 100m\\npck_start\\npck_add p\\npck_add c\\npck_end\\nendloop\\n"
            + "on_finished:\\ncell_off\\n\\n";

    private MethodScriptPotentiostat driver(String profileName, ScriptedTransport wire) throws Exception {
        InstrumentProfile profile = new DriverRegistry(Fixtures.HOME).profile(profileName);
        return new MethodScriptPotentiostat(profile.name(), profile.capabilities(),
                profile.familySettings(MethodScriptSettings.class), new LineChannel(wire), Duration.ofMillis(100));
    }

    private ScriptedTransport transcript(String... entries) throws Exception {
        Path file = temp.resolve("conversation.txt");
        Files.writeString(file, String.join("\n", entries) + "\n", StandardCharsets.ISO_8859_1);
        return new ScriptedTransport(file);
    }

    private CollectingSink run(MethodScriptPotentiostat driver, MeasurementRequest request, MeasurementEnd.Outcome expected)
            throws Exception {
        CollectingSink sink = new CollectingSink();
        MeasurementEnd end = driver.start(request, sink).awaitEnd(Duration.ofSeconds(5)).orElseThrow();
        assertThat(end.outcome()).as(end.error().map(Throwable::getMessage).orElse("")).isEqualTo(expected);
        return sink;
    }

    /** Decoded values to 1e-12 of their unit: the SI factors are not exact in binary. */
    private static void assertValues(List<Sample> samples, ToDoubleFunction<Sample> value, double... expected) {
        assertThat(samples).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(value.applyAsDouble(samples.get(i))).as("sample %d", i)
                    .isCloseTo(expected[i], within(Math.abs(expected[i]) * 1e-12 + 1e-18));
        }
    }

    @Test
    void anLsvOnTheDummyCellDecodesAsPalmSensRecordedIt() throws Exception {
        // The device's answer is the vendor fixture as it is (e, M0000, four packages, *, empty line).
        String reply = Files.readString(SharedFixtures.vendorFile("methodscript/lsv_dummy10k_response.txt"),
                StandardCharsets.ISO_8859_1).replace("\n", "\\n");
        ScriptedTransport wire = transcript("> " + LSV_SCRIPT, "< " + reply);
        MethodScriptPotentiostat ms = driver("emstat-pico", wire);
        CollectingSink sink = run(ms, new LinearSweepRequest(-0.5, 0.5, 0.01, 0.1, CurrentRangeChoice.AUTO),
                MeasurementEnd.Outcome.COMPLETED);
        // As SOURCES.md decodes them: 0x7F85F3F - 0x8000000 = -499905 µV; 0x48D503D - 0x8000000 = -57847747 pA; ...
        assertValues(sink.samples, Sample::potentialVolts, -0.499905, -0.449717, 0.453668, 0.503857);
        assertThat(sink.samples.get(0).currentAmperes()).isCloseTo(-5.7847747e-5, within(1e-15));
        assertThat(sink.samples.get(1).currentAmperes()).isCloseTo(-5.2247772e-5, within(1e-15)); // 0x4E2C324 - 2^27 = -52247772
        assertThat(sink.samples.get(2).currentAmperes()).isCloseTo(4.8327789e-5, within(1e-15));  // 0xAE16C6D - 2^27 = 48327789
        assertThat(sink.samples.get(3).currentAmperes()).isCloseTo(5.3871765e-5, within(1e-15));  // 0xB360495 - 2^27 = 53871765
        // status 0 (",10"): no flags; range code 0x88 = 136 is the Pico's 1 mA (high speed)
        assertThat(sink.samples).allMatch(s -> s.flags() == 0 && Math.abs(s.rangeAmperes() - 1e-3) < 1e-15);
        // one scan, one segment; point k at k * 10 mV / (100 mV/s) = k * 0.1 s
        assertThat(sink.samples).extracting(Sample::cycle, Sample::segment).containsOnly(tuple(1, 1));
        for (int k = 0; k < 4; k++) {
            assertThat(sink.samples.get(k).timeSeconds()).isCloseTo(k * 0.1, within(1e-12));
        }
        wire.assertComplete();
    }

    @Test
    void theRecordedPicoCvLinesDecodeToTheirListedValues() throws Exception {
        // serial-protocols.md §1.4/§1.6 rows 10-11: a real EmStat Pico CV (begin 0, vertices +0.5 / -0.5 V, 10 mV at
        // 100 mV/s, one scan: no nscans, so no C/- markers), open cell.
        String script = "e\\nvar p\\nvar c\\nset_pgstat_chan 0\\nset_pgstat_mode 2\\nset_max_bandwidth 60\\n"
                + "set_range_minmax da -500m 500m\\nset_range ba 5m\\nset_autoranging ba 100n 5m\\nset_e 0\\ncell_on\\n"
                + "meas_loop_cv p c 0 500m -500m 10m 100m\\npck_start\\npck_add p\\npck_add c\\npck_end\\nendloop\\n"
                + "on_finished:\\ncell_off\\n\\n";
        ScriptedTransport wire = transcript("> " + script, "< e\\nM0005\\nPda8000000 ;ba85572E7a,14,200\\n"
                + "Pda89BC152n;ba85572E7a,14,200\\nPda93782A4n;ba8000000 ,14,200\\n*\\n\\n");
        MethodScriptPotentiostat ms = driver("emstat-pico", wire);
        CollectingSink sink = run(ms, new CyclicVoltammetryRequest(0, 0.5, -0.5, 1, 0.01, 0.1, CurrentRangeChoice.AUTO),
                MeasurementEnd.Outcome.COMPLETED);
        // da: 0 (prefix space); 0x9BC152 = 10207570 nV; 0x93782A4 - 0x8000000 = 0x13782A4 = 20415140 nV
        assertValues(sink.samples, Sample::potentialVolts, 0.0, 0.01020757, 0.02041514);
        // ba: 0x5572E7 = 5599975 aA; the third is zero
        assertValues(sink.samples, Sample::currentAmperes, 5.599975e-12, 5.599975e-12, 0.0);
        // status 4 = underload; range code 0 = the Pico's 100 nA
        assertThat(sink.samples).allMatch(s -> s.has(SampleFlag.UNDERLOAD) && Math.abs(s.rangeAmperes() - 1e-7) < 1e-15);
        // climbing from begin towards vertex 1: cycle 1, segment 1
        assertThat(sink.samples).extracting(Sample::cycle, Sample::segment).containsOnly(tuple(1, 1));
        wire.assertComplete();
    }

    @Test
    void aCvOfTwoScansTakesItsCyclesFromTheScanMarkersAndItsSegmentsFromTheDirection() throws Exception {
        // begin 0, vertex 1 +20 mV, vertex 2 -20 mV, 10 mV steps at 100 mV/s, 2 cycles on the Pico profile. A fixed
        // 100 uA range: the Pico's smallest range holding it is 125 uA, but the script sends what the step asks.
        String script = "e\\nvar p\\nvar c\\nset_pgstat_chan 0\\nset_pgstat_mode 2\\nset_max_bandwidth 60\\n"
                + "set_range_minmax da -20m 20m\\nset_range ba 100u\\nset_e 0\\ncell_on\\n"
                + "meas_loop_cv p c 0 20m -20m 10m 100m nscans(2)\\npck_start\\npck_add p\\npck_add c\\npck_end\\nendloop\\n"
                + "on_finished:\\ncell_off\\n\\n";
        // Potentials in µV: +10000 = 0x2710 -> 8002710u, +20000 = 0x4E20 -> 8004E20u, -10000 -> 0x8000000 - 0x2710 =
        // 7FFD8F0u, -20000 -> 7FFB1E0u. Currents of a 10 kOhm cell in pA: 1 uA = 1000000 = 0xF4240 -> 80F4240p,
        // 2 uA = 0x1E8480 -> 81E8480p, -1 uA -> 7F0BDC0p, -2 uA -> 7E17B80p. Range code 7 = 125 uA.
        String zero = "Pda8000000 ;ba8000000 ,10,207\\n";
        String up1 = "Pda8002710u;ba80F4240p,10,207\\n";
        String up2 = "Pda8004E20u;ba81E8480p,10,207\\n";
        String down1 = "Pda7FFD8F0u;ba7F0BDC0p,10,207\\n";
        String down2 = "Pda7FFB1E0u;ba7E17B80p,10,207\\n";
        // The second scan starts one step on from begin (whether the device repeats the begin point was not
        // recorded; the rule gives the same segments either way).
        ScriptedTransport wire = transcript("> " + script, "< e\\nM0005\\nC0001\\n" + zero + up1 + up2 + up1 + zero + down1
                + down2 + down1 + zero + "-\\nC0002\\n" + up1 + up2 + up1 + zero + down1 + down2 + down1 + zero
                + "-\\n*\\n\\n");
        MethodScriptPotentiostat ms = driver("emstat-pico", wire);
        CollectingSink sink = run(ms, new CyclicVoltammetryRequest(0, 0.02, -0.02, 2, 0.01, 0.1,
                CurrentRangeChoice.fixed(1e-4)), MeasurementEnd.Outcome.COMPLETED);
        assertValues(sink.samples, Sample::potentialVolts, 0.0, 0.01, 0.02, 0.01, 0.0, -0.01, -0.02, -0.01, 0.0,
                0.01, 0.02, 0.01, 0.0, -0.01, -0.02, -0.01, 0.0);
        // Each vertex point ends the segment that reached it; the turn after it starts the next segment.
        assertThat(sink.samples).extracting(Sample::cycle, Sample::segment).containsExactly(
                tuple(1, 1), tuple(1, 1), tuple(1, 1), tuple(1, 2), tuple(1, 2), tuple(1, 2), tuple(1, 2), tuple(1, 3),
                tuple(1, 3),
                tuple(2, 1), tuple(2, 1), tuple(2, 2), tuple(2, 2), tuple(2, 2), tuple(2, 2), tuple(2, 3), tuple(2, 3));
        assertThat(sink.samples.get(2).currentAmperes()).isCloseTo(2e-6, within(1e-18));
        assertThat(sink.samples.get(6).currentAmperes()).isCloseTo(-2e-6, within(1e-18));
        // package k of the loop (from 0, markers not counted) at k * 0.01 V / 0.1 V/s: the last, k = 16, at 1.6 s
        assertThat(sink.samples.get(16).timeSeconds()).isCloseTo(1.6, within(1e-12));
        assertThat(sink.samples).allMatch(s -> Math.abs(s.rangeAmperes() - 1.25e-4) < 1e-15);
        wire.assertComplete();
    }

    @Test
    void aCvBeginningAtVertexOneStartsInSegmentTwo() throws Exception {
        SweepPosition position = SweepPosition.cyclic(0.02, 0.02, -0.02, 0.01);
        List<String> seen = new ArrayList<>();
        for (double volts : new double[] {0.02, 0.01, 0.0, -0.01, -0.02}) {
            position.place(volts);
            seen.add(position.cycle() + "/" + position.segment());
        }
        // segment 1 (begin -> vertex 1) has no length; the first points run down to vertex 2: segment 2
        assertThat(seen).containsExactly("1/2", "1/2", "1/2", "1/2", "1/2");
        position.place(-0.01);
        assertThat(position.segment()).isEqualTo(3);
        // the Pico's rounding of the steps (10.2 mV for 10 mV) and an unmoved point change nothing
        SweepPosition rounded = SweepPosition.linear(0, 0.5, 0.01);
        for (double v : new double[] {0, 0.0102, 0.0102, 0.0204}) {
            rounded.place(v);
        }
        assertThat(rounded.segment()).isEqualTo(1);
        assertThat(rounded.cycle()).isEqualTo(1);
        // a step back in an LSV (no segment runs that way) leaves the point in cycle 1, segment 1
        rounded.place(0.0102);
        assertThat(rounded.cycle() + "/" + rounded.segment()).isEqualTo("1/1");
        // a CV whose device sent no scan markers: the turn after segment 3 towards vertex 1 is cycle 2, segment 1
        SweepPosition unmarked = SweepPosition.cyclic(0, 0.01, -0.01, 0.01);
        List<String> places = new ArrayList<>();
        for (double v : new double[] {0, 0.01, 0, -0.01, 0, 0.01}) {
            unmarked.place(v);
            places.add(unmarked.cycle() + "/" + unmarked.segment());
        }
        assertThat(places).containsExactly("1/1", "1/1", "1/2", "1/2", "1/3", "2/1");
    }

    @Test
    void chronopotentiometryRunsOnTheEmStat4AndStopsAtItsPotentialLimit() throws Exception {
        // -10 mA for 1 s every 100 ms on the EmStat4 HR; auto range: the smallest of its ranges holding 10 mA is 10 mA.
        String script = "e\\nvar p\\nvar c\\nvar t\\nset_pgstat_chan 0\\nset_pgstat_mode 6\\nset_max_bandwidth 60\\n"
                + "set_range ab 1\\nset_autoranging ab 100m 2\\nset_range db 10m\\nset_autoranging db 10m 10m\\nset_i 0\\n"
                + "cell_on\\ntimer_start\\nmeas_loop_cp p c -10m 100m 1\\ntimer_get t\\npck_start\\npck_add t\\npck_add p\\n"
                + "pck_add c\\npck_end\\nendloop\\non_finished:\\ncell_off\\n\\n";
        // t: 100 ms = 0x186A0 us -> 80186A0u; 200 ms -> 0x30D40 -> 8030D40u. ab: -1.2 V = -1200000 uV -> 0x8000000 -
        // 0x124F80 = 7EDB080u; -1.6 V = -1600000 -> 0x186A00 -> 7E79600u. db: -10 mA = -10000 uA -> 0x2710 -> 7FFD8F0u.
        ScriptedTransport wire = transcript("> " + script,
                "< e\\nM0009\\nPeb80186A0u;ab7EDB080u,10;db7FFD8F0u\\nPeb8030D40u;ab7E79600u,12;db7FFD8F0u\\n",
                "> Z\\n",
                "< Z\\n*\\n\\n");
        MethodScriptPotentiostat ms = driver("emstat4-hr", wire);
        CollectingSink sink = run(ms, new ChronopotentiometryRequest(-0.01, Duration.ofMillis(100), Duration.ofSeconds(1),
                -1.5, 0.5, CurrentRangeChoice.AUTO), MeasurementEnd.Outcome.COMPLETED);
        assertValues(sink.samples, Sample::timeSeconds, 0.1, 0.2);
        assertValues(sink.samples, Sample::potentialVolts, -1.2, -1.6);
        assertValues(sink.samples, Sample::currentAmperes, -0.01, -0.01);
        assertThat(sink.samples).allMatch(s -> s.cycle() == 0 && s.segment() == 0 && Math.abs(s.rangeAmperes() - 0.01) < 1e-15);
        assertThat(sink.samples.get(1).has(SampleFlag.OVERLOAD)).isTrue();   // status 2 on the potential
        assertThat(sink.events).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.NOTE);
            assertThat(e.message()).isEqualTo("the potential -1.6000 V vs RE left the step's limits -1.5 .. 0.5 V;"
                    + " the step ended there");
        });
        wire.assertComplete();
    }

    @Test
    void chronopotentiometryOnTheEmStatPicoIsRefusedNamingTheDeviceAndTheTechnique() throws Exception {
        ScriptedTransport wire = transcript("# nothing may be sent");
        MethodScriptPotentiostat ms = driver("emstat-pico", wire);
        assertThatThrownBy(() -> ms.start(new ChronopotentiometryRequest(-0.001, Duration.ofSeconds(1),
                Duration.ofSeconds(10), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, CurrentRangeChoice.AUTO),
                new CollectingSink()))
                .isInstanceOf(DriverException.class)
                .hasMessage("emstat-pico cannot hold a current and record the potential (chronopotentiometry): its profile"
                        + " does not list 'cp' under techniques (PalmSens documents meas_loop_cp for the EmStat4 and Nexus,"
                        + " not for the EmStat Pico)");
        wire.assertComplete();
        // and a current the EmStat4 HR cannot apply (its largest range is 100 mA) is refused before anything is sent
        MethodScriptPotentiostat hr = driver("emstat4-hr", wire);
        assertThatThrownBy(() -> hr.start(new ChronopotentiometryRequest(-0.15, Duration.ofSeconds(1),
                Duration.ofSeconds(10), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, CurrentRangeChoice.AUTO),
                new CollectingSink()))
                .hasMessage("emstat4-hr cannot apply -0.15 A on its 0.1 A range: choose a current range that holds it"
                        + " (the largest is 0.1 A)");
        wire.assertComplete();
        assertThat(new DriverRegistry(Fixtures.HOME).profile("emstat-pico").capabilities().supports(
                Technique.LINEAR_SWEEP)).isTrue();
        assertThat(List.of("emstat4-lr", "emstat4-hr")).allSatisfy(name -> assertThat(new DriverRegistry(Fixtures.HOME)
                .profile(name).capabilities().supports(Technique.CHRONOPOTENTIOMETRY)).isTrue());
    }
}
