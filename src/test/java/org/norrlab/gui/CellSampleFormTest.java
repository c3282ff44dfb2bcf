package org.norrlab.gui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.BadInputException;
import org.norrlab.core.SampleEntry;
import org.norrlab.electrochem.ReferenceElectrode;
import org.norrlab.run.RunOutcome;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredSession;
import org.norrlab.testing.TestHomes;

import javax.swing.JButton;
import javax.swing.JTabbedPane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.norrlab.gui.GuiDriver.await;
import static org.norrlab.gui.GuiDriver.onEdt;
import static org.norrlab.gui.GuiDriver.screenshot;

/**
 * The Cell and sample tab of the run view, on a bench whose config/site.yaml the test writes: the defaults come from
 * that file and the protocol's own cell block (each saying where), a wrong value gets the loader's own message, and a
 * pH and a sample typed there are what the run converts with, stores and analyses.
 */
class CellSampleFormTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** ln(10)·R·T/F at 25 °C = 2.302585 × 8.314463 × 298.15 / 96485.33 = 0.0591597 V per pH unit. */
    private static final double NERNST_25C = 0.0591597;

    @TempDir
    Path temp;
    private NorrlabWindow window;

    @AfterEach
    void close() throws Exception {
        GuiDriver.closeWindow(window);
    }

    private static final String SITE = """
            # a bench for this test
            data_directory: data
            cell:
              reference_electrode: Ag/AgCl (sat. KCl)
              ph: 6.8
              temperature: 25 C
              electrode_area: 2 cm2
              catalyst_loading: 0.4 mg/cm2
              electrolyte_volume: 30 mL
            """;
    private static final String PROTOCOL = """
            name: pH check
            cell:
              electrolyte_volume: 40 mL
            steps:
              - ca: {potential: -1.0 V vs RE, duration: 2 s, interval: 100 ms}
            """;

    private Path home() throws Exception {
        Path home = temp.resolve("bench");
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("protocols"));
        Files.writeString(home.resolve("config/site.yaml"), SITE);
        Files.writeString(home.resolve("protocols/ph-check.yaml"), PROTOCOL);
        TestHomes.copyDrivers(home);
        return home;
    }

    @Test
    void defaultsFromTheFilesThenATypedPhAndSampleAreRunStoredAndAnalysed() throws Exception {
        GuiDriver.requireDisplay();
        Path home = home();
        Path database = temp.resolve("gui.db");
        GuiContext context = new GuiContext(SiteConfig.load(home), StoreLocation.file(database));
        window = onEdt(() -> {
            NorrlabWindow w = new NorrlabWindow(context);
            w.frame().setSize(1400, 900);
            w.show();
            return w;
        });
        RunPanel run = window.runPanel();
        CellSampleForm form = run.cellForm();
        await("the instruments, the plan and the form's defaults", WAIT, () -> run.instruments().getItemCount() > 0
                && run.planModel().getRowCount() == 1 && form.field("electrolyte_volume").getText().equals("40 mL"));

        // Each default with the line it came from: site.yaml lines 4-9, the protocol's volume on its line 3.
        assertThat(onEdt(() -> List.of(form.reference().getSelectedItem(), form.field("ph").getText(),
                form.field("temperature").getText(), form.field("electrode_area").getText(),
                form.field("catalyst_loading").getText(), form.field("electrolyte_volume").getText())))
                .containsExactly("Ag/AgCl (sat. KCl)", "6.8", "25 °C", "2 cm²", "0.4 mg/cm²", "40 mL");
        assertThat(onEdt(() -> List.of(form.sourceOf("reference_electrode").getText(), form.sourceOf("ph").getText(),
                form.sourceOf("electrode_area").getText(), form.sourceOf("electrolyte_volume").getText())))
                .containsExactly("config/site.yaml:4", "config/site.yaml:5", "config/site.yaml:7",
                        "protocols/ph-check.yaml:3");
        // -1.0 V vs RE at pH 6.8: E vs RHE = -1.0 + 0.197 + 6.8 × 0.0591597 = -1.0 + 0.599286 = -0.400714
        assertThat(onEdt(() -> run.planModel().getValueAt(0, 2))).isEqualTo("-0.401");

        onEdt(() -> GuiDriver.findAll(window.frame().getRootPane(), JTabbedPane.class).stream()
                .filter(t -> "plan and cell".equals(t.getName())).forEach(t -> t.setSelectedIndex(1)));

        // An electrode not in the list needs its E° vs SHE, as in config/site.yaml; "Use the defaults" undoes it all.
        onEdt(() -> {
            form.field("reference_electrode").setText("Ag/AgCl (our own)");
            form.field("e0_vs_she").setText("");
        });
        assertThat(onEdt(() -> form.field("e0_vs_she").isEnabled())).isTrue();
        assertThat(onEdt(() -> form.sourceOf("reference_electrode").getText()))
                .isEqualTo("field 'cell.reference_electrode.e0_vs_she': is missing; it is required here");
        onEdt(() -> form.field("e0_vs_she").setText("0.205 V"));
        assertThat(onEdt(() -> form.entry().cell().referenceElectrode()))
                .isEqualTo(new ReferenceElectrode("Ag/AgCl (our own)", 0.205, "entered in the run form"));
        // the preview converts with it: -1.0 + 0.205 + 6.8 × 0.0591597 = -1.0 + 0.607286 = -0.392714
        await("the plan with our own electrode", WAIT, () -> "-0.393".equals(run.planModel().getValueAt(0, 2)));
        onEdt(() -> GuiDriver.findAll(form.panel(), JButton.class).stream()
                .filter(b -> b.getText().equals("Use the defaults")).findFirst().orElseThrow().doClick());
        assertThat(onEdt(() -> List.of(form.field("reference_electrode").getText(), form.sourceOf("reference_electrode").getText(),
                form.field("e0_vs_she").getText(), String.valueOf(form.field("e0_vs_she").isEnabled()))))
                .containsExactly("Ag/AgCl (sat. KCl)", "config/site.yaml:4", "0.197 V", "false");
        await("the plan in the site's cell again", WAIT, () -> "-0.401".equals(run.planModel().getValueAt(0, 2)));

        // A pH outside the scale: the message config/site.yaml would get for the same value, beside the field.
        onEdt(() -> form.field("ph").setText("16"));
        String loaderSays;
        Path badHome = temp.resolve("bad");
        Files.createDirectories(badHome.resolve("config"));
        Files.writeString(badHome.resolve("config/site.yaml"), SITE.replace("ph: 6.8", "ph: 16"));
        try {
            SiteConfig.load(badHome);
            throw new AssertionError("pH 16 was accepted by the loader");
        } catch (ConfigException e) {
            loaderSays = CellSampleForm.problem(e);
        }
        assertThat(loaderSays).isEqualTo("field 'cell.ph': pH 16.0 is outside -1 .. 15");
        assertThat(onEdt(() -> form.sourceOf("ph").getText())).isEqualTo(loaderSays);
        assertThat(onEdt(() -> form.problemLine().getText())).contains(loaderSays);
        assertThatThrownBy(() -> onEdt(form::entry)).isInstanceOf(BadInputException.class)
                .hasMessage("the Cell and sample tab: " + loaderSays);
        onEdt(() -> form.field("electrode_area").setText("2 cm"));
        assertThat(onEdt(() -> form.sourceOf("electrode_area").getText())).startsWith("field 'cell.electrode_area': ");
        screenshot(window.frame().getRootPane(), "cell-and-sample-form-problems");

        // The values the chemist means: pH 13, the sample, the operator, notes of two lines.
        onEdt(() -> {
            form.field("ph").setText("13");
            form.field("electrode_area").setText("2 cm2");
            form.sample().setText("Fe1/MoS2-x batch 3");
            form.operator().setText("A. Chemist");
            form.notes().setText("0.1 M KOH, NO purged 30 min\nfresh electrode");
        });
        assertThat(onEdt(() -> form.sourceOf("ph").getText())).isEqualTo(CellSampleForm.ENTERED);
        // -1.0 V vs RE at pH 13: -1.0 + 0.197 + 13 × 0.0591597 = -1.0 + 0.966076 = -0.033924; the preview follows
        await("the plan at pH 13", WAIT, () -> "-0.034".equals(run.planModel().getValueAt(0, 2)));
        screenshot(window.frame().getRootPane(), "cell-and-sample-form");

        onEdt(() -> {
            for (int i = 0; i < run.instruments().getItemCount(); i++) {
                if (run.instruments().getItemAt(i).kind() == InstrumentChoice.Kind.SIMULATED) {
                    run.instruments().setSelectedIndex(i);
                    break;
                }
            }
            run.speed().setSelectedItem("max");
        });
        onEdt(run::start);
        await("the run's end", WAIT, () -> run.lastOutcome().isPresent() && !run.running());
        RunOutcome outcome = run.lastOutcome().orElseThrow();

        try (SessionStore store = SessionStore.open(database)) {
            StoredSession session = store.existingSession(outcome.sessionId());
            assertThat(session.cell().pH()).isEqualTo(13.0);
            assertThat(session.cell().electrolyteVolumeMl()).as("the protocol's, untouched").isEqualTo(40.0);
            assertThat(session.cell().electrodeAreaCm2()).isEqualTo(2.0);
            assertThat(session.sample()).isEqualTo(new SampleEntry("Fe1/MoS2-x batch 3", "A. Chemist",
                    "0.1 M KOH, NO purged 30 min\nfresh electrode"));
            // the step ran at the potential vs RE the protocol wrote, whatever the pH
            assertThat(store.steps(outcome.sessionId()).get(0).voltsVsReference()).isEqualTo(-1.0);
        }

        // The analysis of the stored session in the Analysis view: E vs RHE on the pH typed, 6.2 × 0.0591597 =
        // 0.366790 V above what the site's pH 6.8 would give (-0.400714 + 0.366790 = -0.033924).
        onEdt(() -> window.analyse(outcome.sessionId()));
        AnalysisPanel analysis = window.analysisPanel();
        await("the analysis", WAIT, () -> analysis.results().getRowCount() == 1);
        assertThat(onEdt(() -> analysis.results().getValueAt(0, 1))).isEqualTo("-0.034");
        assertThat(-0.400714 + (13 - 6.8) * NERNST_25C).isCloseTo(-0.033924, org.assertj.core.data.Offset.offset(1e-6));
    }
}
