package org.norrlab.gui;

import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Gas;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.norrlab.gui.GuiDriver.await;
import static org.norrlab.gui.GuiDriver.onEdt;
import static org.norrlab.gui.GuiDriver.screenshot;

/**
 * A stored session of LSV under Ar, LSV under NO, a CV and a CA step in the window (Xvfb): the Sessions view lists the
 * sweeps with their potentials and scan rates and plots them as I–E, a curve per cycle; the Analysis view analyses the
 * CA step and says what it leaves out. Screenshots go to target/gui-screenshots/.
 */
class SweepSessionViewsTest extends WithWindow {
    private long storeSweepSession() throws Exception {
        try (SessionStore store = SessionStore.open(database)) {
            long id = store.createSession(new NewSession("norr-study", "norr-study.yaml", "", Fixtures.cellAtPh7(),
                    new InstrumentIdentity("sim", "sim", "m", "f", "s"), Map.of(), "test", Instant.now()));
            List<AcquisitionRecord> records = new ArrayList<>();
            records.addAll(SimulatedSweeps.records(SimulatedSweeps.lsv(1, Gas.ARGON), SimulatedSweeps.lsvSamples(), 0, 0));
            records.addAll(SimulatedSweeps.records(SimulatedSweeps.lsv(2, Gas.NITRIC_OXIDE), SimulatedSweeps.lsvSamples(), 50, 100));
            records.addAll(SimulatedSweeps.records(SimulatedSweeps.cv(3), SimulatedSweeps.cvSamples(), 100, 200));
            PlannedStep ca = new PlannedStep.Chronoamperometry(4, "CA", new Potential(-0.5, Potential.Scale.RHE), -0.5,
                    -0.5 - SimulatedSweeps.RE_OFFSET, Duration.ofSeconds(1), Duration.ofSeconds(10), CurrentRangeChoice.AUTO,
                    new Location(Path.of("norr-study.yaml"), 4, 1));
            List<Sample> caSamples = new ArrayList<>();
            for (int t = 1; t <= 10; t++) {
                caSamples.add(new Sample(t, -1.111, -0.004, 0.01, 0));
            }
            records.addAll(SimulatedSweeps.records(ca, caSamples, 150, 700));
            try (StoreWriter writer = store.writer(id)) {
                for (int i = 0; i < records.size(); i++) {
                    writer.accept(records.get(i), i == records.size() - 1);
                }
            }
            return id;
        }
    }

    @Test
    void sweepStepsAreListedAndPlottedAsCurrentAgainstPotential() throws Exception {
        long id = storeSweepSession();
        onEdt(() -> window.tabs().setSelectedIndex(NorrlabWindow.SESSIONS_TAB));
        SessionsPanel sessions = window.sessionsPanel();
        onEdt(sessions::reload);
        await("the session list", WAIT, () -> sessions.sessionTable().getRowCount() == 1);
        onEdt(() -> sessions.sessionTable().setRowSelectionInterval(0, 0));
        await("the session's steps", WAIT, () -> sessions.stepModel().getRowCount() == 4
                && sessions.sweepPanel().getChart() != null);
        // Potentials vs RHE from the steps' settings, vs RE through the cell's offset (RHE - 0.611 V); rates in mV/s.
        List<Object> lsvAr = onEdt(() -> row(sessions, 0));
        assertThat(lsvAr).containsExactly(1, "lsv (Ar)", "0.000 → -0.500", "-0.611 → -1.111", "50.0", 100L, "—", "—",
                "completed", "10.00");
        assertThat(onEdt(() -> sessions.stepModel().getValueAt(1, 1))).isEqualTo("lsv (NO)");
        List<Object> cv = onEdt(() -> row(sessions, 2));
        assertThat(cv).containsExactly(3, "cv", "0.200 → 0.400 → 0.000 → 0.200 ×3", "-0.411 → -0.211 → -0.611 → -0.411 ×3",
                "48.0", 480L, "—", "—", "completed", "50.00");
        assertThat(onEdt(() -> sessions.stepModel().getValueAt(3, 2))).isEqualTo("-0.500");
        assertThat(onEdt(() -> sessions.stepModel().getValueAt(3, 9))).isEqualTo("—");

        // The I–E tab opens on the first sweep: the LSV under Ar, one curve of 100 points vs RHE.
        JFreeChart first = sessions.sweepPanel().getChart();
        assertThat(first.getTitle().getText()).isEqualTo("Session " + id
                + ", step 1: lsv (Ar) 0.000 → -0.500 V vs RHE at 10.00 mV/s");
        assertThat(first.getXYPlot().getDomainAxis().getLabel()).isEqualTo("E vs RHE (V)");
        assertThat(first.getXYPlot().getDataset().getItemCount(0)).isEqualTo(100);
        assertThat(first.getXYPlot().getDataset().getXValue(0, 49)).isCloseTo(-0.25, within(1e-9));

        // Choosing the CV in the steps table plots its three cycles, 160 points each.
        onEdt(() -> sessions.stepTable().setRowSelectionInterval(2, 2));
        await("the CV's I–E plot", WAIT, () -> sessions.sweepPanel().getChart().getTitle().getText().contains("step 3"));
        assertThat(sessions.sweepPanel().getChart().getTitle().getText()).isEqualTo("Session " + id
                + ", step 3: cv 0.200 → 0.400 → 0.000 → 0.200 V vs RHE, 3 cycles at 50.00 mV/s");
        XYDataset cvData = sessions.sweepPanel().getChart().getXYPlot().getDataset();
        assertThat(cvData.getSeriesCount()).isEqualTo(3);
        for (int s = 0; s < 3; s++) {
            assertThat(cvData.getSeriesKey(s)).isEqualTo("cycle " + (s + 1));
            assertThat(cvData.getItemCount(s)).isEqualTo(160);
        }
        Thread.sleep(100);
        screenshot(window.frame().getRootPane(), "sessions-sweep");

        // The Analysis view: the CA step in its table, the sweeps named as left out, nothing broken.
        onEdt(() -> window.analyse(id));
        AnalysisPanel analysis = window.analysisPanel();
        await("the analysis", WAIT, () -> analysis.results().getRowCount() == 1 && analysis.statusText().contains("Sweep"));
        assertThat(onEdt(analysis::statusText)).contains("Sweep steps 1 (lsv), 2 (lsv), 3 (cv) are not in this table:"
                + " FE and yield need a CA step's charge. Their I–E curves are in the Sessions view.");
        Thread.sleep(100);
        screenshot(window.frame().getRootPane(), "analysis-sweep");
    }

    private static List<Object> row(SessionsPanel sessions, int row) {
        List<Object> cells = new ArrayList<>();
        for (int c = 0; c < sessions.stepModel().getColumnCount(); c++) {
            cells.add(sessions.stepModel().getValueAt(row, c));
        }
        return cells;
    }
}
