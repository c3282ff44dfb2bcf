package org.norrlab.driver.methodscript;

import org.junit.jupiter.api.Test;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.ImpedanceTiming;
import org.norrlab.core.SampleFlag;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.ImpedanceRequest;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.protocol.methodscript.PacketParser;
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

/**
 * EIS on a MethodSCRIPT instrument against recorded device output: the script bytes for one request, the packages of
 * serial-protocols.md §1.6 rows 7 and 14-17 decoded to the values of that table, and the requests the driver refuses
 * before sending anything.
 */
class MethodScriptImpedanceTest {
    private static final Path TRANSCRIPTS = Path.of("src/test/resources/transcripts/methodscript");
    private static final InstrumentProfile PICO = profile("emstat-pico");

    private static InstrumentProfile profile(String name) {
        try {
            return new DriverRegistry(Fixtures.HOME).profile(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodScriptPotentiostat pico(ScriptedTransport wire) {
        return new MethodScriptPotentiostat(PICO.name(), PICO.capabilities(),
                PICO.familySettings(MethodScriptSettings.class), new LineChannel(wire), Duration.ofMillis(100));
    }

    @Test
    void aRecordedSpectrumDecodesToTheTableValues() throws Exception {
        ScriptedTransport wire = new ScriptedTransport(TRANSCRIPTS.resolve("eis-pico-open-leads.txt"));
        MethodScriptPotentiostat ms = pico(wire);
        // 200 kHz down to 20 Hz, 10 per decade: 4 decades, 41 frequencies, as the recorded script asked.
        List<Double> frequencies = ImpedanceTiming.logSpaced(200_000, 20, 10);
        assertThat(frequencies).hasSize(41);
        CollectingSink sink = new CollectingSink();
        MeasurementEnd end = ms.start(new ImpedanceRequest(0, false, 0.015, frequencies, CurrentRangeChoice.AUTO), sink)
                .awaitEnd(Duration.ofSeconds(5)).orElseThrow();
        assertThat(end.outcome()).isEqualTo(MeasurementEnd.Outcome.COMPLETED);
        List<ImpedancePoint> points = sink.impedance;
        assertThat(points).hasSize(41);
        assertThat(end.samples()).isEqualTo(41);
        // 13 of the 41 lines carry "nan" (the leads were open): flagged, at their frequency, not dropped.
        assertThat(points).filteredOn(p -> !p.hasImpedance()).hasSize(13);
        assertThat(points).allMatch(p -> p.has(SampleFlag.UNDERLOAD));   // status 4 on every package
        assertThat(points).allMatch(p -> p.dcPotentialVolts() == 0);

        // Row 14: dc = 200 000 Hz; cc = cd = nan; current range 0x88 = 136 = 1 mA (high speed).
        ImpedancePoint row14 = points.get(0);
        assertThat(row14.frequencyHz()).isEqualTo(200_000.0);
        assertThat(row14.has(SampleFlag.NO_IMPEDANCE)).isTrue();
        assertThat(row14.realOhms()).isNaN();
        assertThat(row14.imaginaryOhms()).isNaN();
        assertThat(row14.rangeAmperes()).isCloseTo(1e-3, within(1e-15));
        // Its time: 0.5 s + 3 / 200 000 Hz = 0.500015 s (the packages carry none).
        assertThat(row14.timeSeconds()).isCloseTo(0.500015, within(1e-12));
        // Row 15: dc = 126 191 Hz; cc = 10 785 360 Ohm; cd = -20 840 552 Ohm (×1); range 0x87 = 200 µA.
        ImpedancePoint row15 = points.get(2);
        assertThat(row15.frequencyHz()).isEqualTo(126_191.0);
        assertThat(row15.realOhms()).isEqualTo(10_785_360.0);
        assertThat(row15.imaginaryOhms()).isEqualTo(-20_840_552.0);
        assertThat(row15.rangeAmperes()).isCloseTo(200e-6, within(1e-15));
        assertThat(row15.hasImpedance()).isTrue();
        // Row 16: dc = 79 621.424 Hz; cc = -6 696 980 Ohm; cd = -44 592 940 Ohm; range 0x85 = 50 µA, changed from 0x86.
        ImpedancePoint row16 = points.get(4);
        assertThat(row16.frequencyHz()).isCloseTo(79_621.424, within(1e-9));
        assertThat(row16.realOhms()).isEqualTo(-6_696_980.0);
        assertThat(row16.imaginaryOhms()).isEqualTo(-44_592_940.0);
        assertThat(row16.rangeAmperes()).isCloseTo(50e-6, within(1e-15));
        assertThat(points.get(3).rangeAmperes()).isCloseTo(100e-6, within(1e-15));
        assertThat(row16.has(SampleFlag.RANGE_CHANGED)).isTrue();
        // Row 17: dc = 25.178476 Hz; cc = -3 071 200 kOhm; cd = +133 680 kOhm; range 0x81 = 1 µA.
        ImpedancePoint row17 = points.get(39);
        assertThat(row17.frequencyHz()).isCloseTo(25.178476, within(1e-12));
        assertThat(row17.realOhms()).isEqualTo(-3_071_200_000.0);
        assertThat(row17.imaginaryOhms()).isEqualTo(133_680_000.0);
        assertThat(row17.rangeAmperes()).isCloseTo(1e-6, within(1e-15));
        // Times add up point by point: the last is the sum of 0.5 s + 3/f over the 41 frequencies the device reported.
        double total = 0;
        for (ImpedancePoint p : points) {
            total += 0.5 + 3 / p.frequencyHz();
        }
        assertThat(points.get(40).timeSeconds()).isCloseTo(total, within(1e-9));
        assertThat(total).isCloseTo(21.229, within(0.001));   // 41 × 0.5 s + 3 × Σ 1/f (the planned duration)
        ms.close();
        wire.assertComplete();
    }

    /**
     * Row 7, PalmSens' EIS sample on the 10 kOhm dummy cell: the sign check. cd is Z'' as measured (PalmSens' plot_eis.py
     * negates it "for the electrochemist convention" before drawing -Z''), small against cc on a resistor.
     */
    @Test
    void palmSensDummyCellPackageDecodesAsPrinted() throws Exception {
        var values = PacketParser.parse("PdcDF5DFF4u;cc896D904m,10,287;cd82DB1A8u,10,287");
        ImpedancePoint p = SpectrumLoop.point(values, 1.0, Double.NaN, 0.1,
                PICO.familySettings(MethodScriptSettings.class).rangeCodes(), Double.NaN).orElseThrow();
        // dc = 0xDF5DFF4 - 0x8000000 = 99 999 732 µHz; cc = 0x896D904 - 0x8000000 = 9 885 956 mOhm;
        // cd = 0x82DB1A8 - 0x8000000 = 2 994 600 µOhm; status 0; range 0x87 = 135 = 200 µA (high speed).
        assertThat(p.frequencyHz()).isCloseTo(99.999732, within(1e-12));
        assertThat(p.realOhms()).isCloseTo(9885.956, within(1e-9));
        assertThat(p.imaginaryOhms()).isCloseTo(2.9946, within(1e-12));
        assertThat(p.flags()).isZero();
        assertThat(p.rangeAmperes()).isCloseTo(200e-6, within(1e-15));
        assertThat(p.dcPotentialVolts()).isEqualTo(0.1);
        assertThat(p.timeSeconds()).isEqualTo(1.0);
    }

    @Test
    void requestsTheDeviceCannotRunAreRefusedBeforeAnythingIsSent() throws Exception {
        ScriptedTransport wire = new ScriptedTransport(TRANSCRIPTS.resolve("nothing-sent.txt"));
        MethodScriptPotentiostat ms = pico(wire);
        ImpedanceRequest tooHigh = new ImpedanceRequest(0, false, 0.01, List.of(500_000.0, 50_000.0, 5000.0),
                CurrentRangeChoice.AUTO);
        assertThatThrownBy(() -> ms.start(tooHigh, new CollectingSink())).isInstanceOf(DriverException.class)
                .hasMessage("emstat-pico cannot measure impedance at 500.0 kHz (frequency 1 of 3): its profile allows"
                        + " 100.0 mHz to 200.0 kHz; choose frequencies within that range");
        ImpedanceRequest tooLow = new ImpedanceRequest(0, false, 0.01, List.of(1.0, 0.1, 0.01), CurrentRangeChoice.AUTO);
        assertThatThrownBy(() -> ms.start(tooLow, new CollectingSink())).hasMessageContaining(
                "at 10.00 mHz (frequency 3 of 3)");
        ImpedanceRequest loud = new ImpedanceRequest(0, false, 0.3, List.of(1000.0), CurrentRangeChoice.AUTO);
        assertThatThrownBy(() -> ms.start(loud, new CollectingSink())).hasMessage("emstat-pico cannot apply an AC"
                + " amplitude of 300.0 mV rms: its profile allows 100.0 µV to 250.0 mV rms");
        // 1000, 300, 100 Hz: the device's 3 log-spaced points from 1000 to 100 Hz are 1000, 316.2, 100 Hz.
        ImpedanceRequest uneven = new ImpedanceRequest(0, false, 0.01, List.of(1000.0, 300.0, 100.0),
                CurrentRangeChoice.AUTO);
        assertThatThrownBy(() -> ms.start(uneven, new CollectingSink())).hasMessage("emstat-pico takes a spectrum as"
                + " its first and last frequency and a count, spaced logarithmically by the device (MethodSCRIPT"
                + " meas_loop_eis); frequency 2 of 3 is 300.0 Hz where that layout from 1.000 kHz to 100.0 Hz in 3 points"
                + " has 316.2 Hz: list log-spaced frequencies (e.g. a range with points per decade)");
        ImpedanceRequest upwards = new ImpedanceRequest(0, false, 0.01, List.of(100.0, 1000.0), CurrentRangeChoice.AUTO);
        assertThatThrownBy(() -> ms.start(upwards, new CollectingSink())).hasMessageContaining(
                "the list runs from 100.0 Hz to 1.000 kHz: write it from the highest frequency to the lowest");
        // The same words at plan time: PlanCheck asks the provider.
        assertThat(new MethodScriptProvider().refusals(PICO, tooHigh)).containsExactly("emstat-pico cannot measure"
                + " impedance at 500.0 kHz (frequency 1 of 3): its profile allows 100.0 mHz to 200.0 kHz; choose"
                + " frequencies within that range");
        assertThat(new MethodScriptProvider().refusals(PICO, new ImpedanceRequest(0, true, 0.01,
                ImpedanceTiming.logSpaced(100_000, 0.1, 10), CurrentRangeChoice.AUTO))).isEmpty();
        wire.assertComplete();
    }
}
