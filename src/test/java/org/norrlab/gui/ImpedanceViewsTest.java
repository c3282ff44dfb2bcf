package org.norrlab.gui;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.UncompensatedResistance;
import org.norrlab.plan.PlannedStep;
import org.norrlab.store.NewSession;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreWriter;
import org.norrlab.testing.Fixtures;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.norrlab.gui.GuiDriver.await;
import static org.norrlab.gui.GuiDriver.onEdt;
import static org.norrlab.gui.GuiDriver.screenshot;

/**
 * A stored session of a CA step at −0.3 V, the EIS step of {@link ScriptedSpectra} and a CA step at −0.5 V vs RHE in
 * the window (Xvfb): the Sessions view lists the EIS step and plots its spectrum (Nyquist and Bode); the Analysis
 * view's R_u tab records a typed R_u and one read from the spectrum through the store, and shows each CA step's
 * potential as set and iR-corrected. Screenshots go to target/gui-screenshots/.
 */
class ImpedanceViewsTest extends WithWindow {
    private static final double CA1_AMPERES = -0.002;
    private static final double CA2_AMPERES = -0.004;

    private long storeSession() throws Exception {
        try (SessionStore store = SessionStore.open(database)) {
            long id = store.createSession(new NewSession("norr-eis", "norr-eis.yaml", "", Fixtures.cellAtPh7(),
                    new InstrumentIdentity("sim", "sim", "m", "f", "s"), Map.of(), "test", Instant.now()));
            List<AcquisitionRecord> records = new ArrayList<>();
            records.addAll(SimulatedSweeps.records(ca(1, -0.3), samples(-0.3, CA1_AMPERES), 0, 0));
            PlannedStep.Impedance eis = ScriptedSpectra.step(2, -0.3);
            List<ImpedancePoint> spectrum = ScriptedSpectra.spectrum();
            records.add(ScriptedSpectra.started(eis, 10));
            records.addAll(ScriptedSpectra.measured(2, spectrum));
            records.add(ScriptedSpectra.ended(2, spectrum));
            records.addAll(SimulatedSweeps.records(ca(3, -0.5), samples(-0.5, CA2_AMPERES), 30, 10));
            try (StoreWriter writer = store.writer(id)) {
                for (int i = 0; i < records.size(); i++) {
                    writer.accept(records.get(i), i == records.size() - 1);
                }
            }
            return id;
        }
    }

    private static PlannedStep ca(int index, double voltsVsRhe) {
        return new PlannedStep.Chronoamperometry(index, "CA", new Potential(voltsVsRhe, Potential.Scale.RHE), voltsVsRhe,
                voltsVsRhe - SimulatedSweeps.RE_OFFSET, Duration.ofSeconds(1), Duration.ofSeconds(10),
                CurrentRangeChoice.AUTO, new Location(Path.of("norr-eis.yaml"), index, 1));
    }

    /** Ten samples at a constant current, so the step's mean current is exactly that current. */
    private static List<Sample> samples(double voltsVsRhe, double amperes) {
        List<Sample> samples = new ArrayList<>();
        for (int t = 1; t <= 10; t++) {
            samples.add(new Sample(t, voltsVsRhe - SimulatedSweeps.RE_OFFSET, amperes, 0.01, 0));
        }
        return samples;
    }

    @Test
    void theSessionsViewPlotsAStoredSpectrumAsNyquistAndBode() throws Exception {
        long id = storeSession();
        onEdt(() -> window.tabs().setSelectedIndex(NorrlabWindow.SESSIONS_TAB));
        SessionsPanel sessions = window.sessionsPanel();
        onEdt(sessions::reload);
        await("the session list", WAIT, () -> sessions.sessionTable().getRowCount() == 1);
        onEdt(() -> sessions.sessionTable().setRowSelectionInterval(0, 0));
        await("the session's steps and spectrum", WAIT, () -> sessions.stepModel().getRowCount() == 3
                && sessions.nyquistPanel().getChart() != null);
        List<Object> eisRow = new ArrayList<>();
        onEdt(() -> {
            for (int c = 0; c < sessions.stepModel().getColumnCount(); c++) {
                eisRow.add(sessions.stepModel().getValueAt(1, c));
            }
        });
        // DC potential −0.3 V vs RHE, −0.3 − 0.611 = −0.911 V vs RE; 8 frequencies; the last point at t = 8 s.
        assertThat(eisRow).containsExactly(2, "eis", "-0.300", "-0.911", "8.0", "8 frequencies", "—", "—", "completed",
                "—");
        assertThat(onEdt(() -> sessions.detailTabs().isEnabledAt(sessions.detailTabs()
                .indexOfTab(SessionsPanel.IMPEDANCE_TAB)))).isTrue();

        JFreeChart nyquist = sessions.nyquistPanel().getChart();
        assertThat(nyquist.getTitle().getText()).isEqualTo("Session " + id
                + ", step 2: eis at -0.300 V vs RHE, 8 frequencies, 100 kHz → 0.1 Hz");
        XYPlot n = nyquist.getXYPlot();
        assertThat(n.getDataset().getItemCount(0)).as("8 frequencies, one sent NaN").isEqualTo(7);
        // ωR_ctC = 1 at the fourth frequency: Z = 70 − 50j Ω, drawn at (70, 50)
        assertThat(n.getDataset().getXValue(0, 3)).isCloseTo(70, within(1e-9));
        assertThat(n.getDataset().getYValue(0, 3)).isCloseTo(50, within(1e-9));
        CombinedDomainXYPlot bode = (CombinedDomainXYPlot) sessions.bodePanel().getChart().getPlot();
        assertThat(bode.getDomainAxis().getLabel()).isEqualTo("f (Hz)");
        XYDataset modulus = bode.getSubplots().get(0).getDataset();
        XYDataset phase = bode.getSubplots().get(1).getDataset();
        assertThat(modulus.getItemCount(0)).isEqualTo(7);
        assertThat(modulus.getXValue(0, 3)).isCloseTo(ScriptedSpectra.CORNER_HZ, within(1e-9));
        // |Z| = √(70² + 50²) = √7400 = 86.023 Ω; phase = atan2(−50, 70) = −35.538°
        assertThat(modulus.getYValue(0, 3)).isCloseTo(Math.sqrt(7400), within(1e-9));
        assertThat(phase.getYValue(0, 3)).isCloseTo(Math.toDegrees(Math.atan2(-50, 70)), within(1e-9));
        assertThat(Math.sqrt(7400)).isCloseTo(86.023, within(1e-3));
        assertThat(Math.toDegrees(Math.atan2(-50, 70))).isCloseTo(-35.538, within(1e-3));

        onEdt(() -> sessions.detailTabs().setSelectedIndex(sessions.detailTabs().indexOfTab(SessionsPanel.IMPEDANCE_TAB)));
        Thread.sleep(100);
        screenshot(window.frame().getRootPane(), "sessions-impedance");
    }

    @Test
    void aTypedRuIsRecordedThroughTheStoreAndCorrectsTheCaPotentials() throws Exception {
        long id = storeSession();
        onEdt(() -> window.analyse(id));
        AnalysisPanel analysis = window.analysisPanel();
        ResistancePanel ru = analysis.resistancePanel();
        onEdt(() -> analysis.views().setSelectedIndex(analysis.views().indexOfTab(AnalysisPanel.RESISTANCE_TAB)));
        await("the R_u tab", WAIT, () -> ru.steps().getRowCount() == 3 && ru.spectra().getItemCount() == 1);
        assertThat(onEdt(() -> ru.inForceLabel().getText())).isEqualTo(ResistancePanel.NONE_IN_FORCE);
        assertThat(onEdt(() -> ru.steps().getValueAt(2, 4))).isEqualTo("— (no R_u)");
        assertThat(onEdt(() -> ru.steps().getValueAt(1, 4))).as("the EIS step has no potential to correct").isEqualTo("—");

        // Typed: R_u = 25 Ω, 10 % compensated during the run.
        onEdt(() -> {
            ru.ohmsField().setText("25");
            ru.fractionField().setText("10 %");
            ru.reasonField().setText("ZFit of the bench spectrum");
            ru.recordTypedButton().doClick();
        });
        await("the typed R_u in the history", WAIT, () -> ru.history().getRowCount() == 1);
        UncompensatedResistance typed;
        try (SessionStore store = SessionStore.open(database)) {
            typed = store.impedance().resistance(id).orElseThrow();
        }
        assertThat(typed.ohms()).isEqualTo(25.0);
        assertThat(typed.compensatedFraction()).isEqualTo(0.1);
        assertThat(typed.method()).isEqualTo(UncompensatedResistance.TYPED);
        assertThat(typed.spectrumStep()).isEmpty();
        assertThat(typed.note()).isEqualTo("ZFit of the bench spectrum");
        assertThat(typed.standardErrorOhms()).isNaN();
        // E − I·R_u·(1 − c): step 1, −0.3 − (−0.002 × 25 × 0.9) = −0.3 + 0.045 = −0.255 V;
        //                   step 3, −0.5 − (−0.004 × 25 × 0.9) = −0.5 + 0.090 = −0.410 V.
        double step1 = -0.3 - CA1_AMPERES * 25 * (1 - 0.1);
        double step3 = -0.5 - CA2_AMPERES * 25 * (1 - 0.1);
        assertThat(step1).isCloseTo(-0.255, within(1e-12));
        assertThat(step3).isCloseTo(-0.41, within(1e-12));
        await("the corrected potentials", WAIT, () -> !ru.steps().getValueAt(2, 4).equals("— (no R_u)"));
        assertThat(onEdt(() -> ru.steps().getValueAt(0, 2))).isEqualTo("-0.3000");
        assertThat(Double.parseDouble((String) onEdt(() -> ru.steps().getValueAt(0, 4)))).isCloseTo(step1, within(5e-5));
        assertThat(Double.parseDouble((String) onEdt(() -> ru.steps().getValueAt(2, 4)))).isCloseTo(step3, within(5e-5));
        assertThat(onEdt(() -> ru.steps().getValueAt(2, 5))).as("I·R_u·(1 − c) = −0.004 × 22.5 = −90 mV").isEqualTo("-90.00");
        assertThat(onEdt(() -> ru.inForceLabel().getText())).matches("R_u in force: 25\\.00 Ω \\(typed, no standard error\\);"
                + " compensated during the run: 10 %, so 22\\.50 Ω remain to correct; recorded"
                + " \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ");
        assertThat(onEdt(() -> ru.basisLabel().getText())).isEqualTo("Basis: ZFit of the bench spectrum");

        // Fitted to the spectrum of step 2, with nothing compensated: the scripted cell's R_u is 20 Ω, R_ct 100 Ω.
        onEdt(() -> {
            ru.fractionField().setText("0");
            ru.reasonField().setText("");
            ru.fitButton().doClick();
        });
        await("R_u from the spectrum in the history", WAIT, () -> ru.history().getRowCount() == 2);
        UncompensatedResistance fromSpectrum;
        try (SessionStore store = SessionStore.open(database)) {
            fromSpectrum = store.impedance().resistance(id).orElseThrow();
            assertThat(store.impedance().resistances(id)).hasSize(2);
        }
        assertThat(fromSpectrum.spectrumStep()).hasValue(2);
        assertThat(fromSpectrum.compensatedFraction()).isZero();
        assertThat(fromSpectrum.method()).isEqualTo(UncompensatedResistance.RANDLES_FIT);
        assertThat(fromSpectrum.ohms()).isCloseTo(ScriptedSpectra.RU, within(0.01 * ScriptedSpectra.RU));
        assertThat(fromSpectrum.standardErrorOhms()).isFinite();
        assertThat(fromSpectrum.note()).contains("Rct = ");
        // R_u and R_ct with their standard errors, as the fit states them, beside the R_u in force
        await("the fit's parameters", WAIT, () -> ru.basisLabel().getText().startsWith("Basis: R("));
        assertThat(onEdt(() -> ru.basisLabel().getText())).contains("Ru = 20.00 ± ").contains("Rct = 100.0 ± ");
        // −0.5 − (−0.004 × 20) = −0.42 V, no longer −0.41 V
        double step3Now = -0.5 - CA2_AMPERES * fromSpectrum.ohms();
        await("the potentials corrected with the new R_u", WAIT, () -> ru.inForceLabel().getText().contains("step 2")
                && ru.nyquist().getChart().getXYPlot().getDataset().getSeriesCount() == 2);
        assertThat(Double.parseDouble((String) onEdt(() -> ru.steps().getValueAt(2, 4)))).isCloseTo(step3Now, within(5e-5));
        Optional<String> fig = Optional.ofNullable(onEdt(() -> ru.nyquist().getChart().getTitle().getText()));
        assertThat(fig).hasValue("Session " + id + ", step 2: eis at -0.300 V vs RHE, 8 frequencies, 100 kHz → 0.1 Hz");
        Thread.sleep(100);
        screenshot(window.frame().getRootPane(), "analysis-ru");
    }
}
