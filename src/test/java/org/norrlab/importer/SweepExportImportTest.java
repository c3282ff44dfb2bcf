package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.Gas;
import org.norrlab.core.Sample;
import org.norrlab.core.StepSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Schema 13 in norrlab's own exports, written by hand in SessionExporter's layout: a sweep step's gas and settings and
 * its samples' cycle and segment come back; a cut-short row, an unknown gas and settings that are not numbers are said
 * with file:line.
 */
class SweepExportImportTest {
    @TempDir
    Path temp;

    private static final String CSV_HEADER = """
            # norrlab session export (CSV)
            # session: 9; status: completed (done)
            # protocol: study (study.yaml)
            # instrument: simulated Sim
            # started: 2026-12-03T10:00:00Z; software: norrlab 1.0
            # reference electrode: SCE, E = 0.2410 V vs SHE (site)
            # pH: 1.0; temperature: 25.0 C; electrode area: 0.5 cm2; catalyst loading: 0.2 mg/cm2; electrolyte volume: 30.0 mL
            # E vs RHE = E vs RE + 0.3001 V
            # step 1: lsv, LSV NO, set 0.1 V vs RHE = -0.2001 V vs RE, interval 0.2 s, 2 samples, completed; electrolyte batch 1; gas NO; settings {"scan_rate_v_s":0.005,"step_v":0.001,"start_vs_rhe_v":0.1,"end_vs_rhe_v":-0.4,"cycles":1}
            # step 2: ca, hold, set -0.5 V vs RHE = -0.8001 V vs RE, interval 0.1 s, 1 samples, completed
            step,seq,t_s,E_V_vs_RE,I_A,range_A,flags,cycle,segment
            """;

    private Path write(String name, String content) throws Exception {
        Path file = temp.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void aCsvSweepComesBackWithItsGasSettingsCyclesAndSegments() throws Exception {
        Path file = write("study.csv", CSV_HEADER + """
                1,0,0.0,-0.2001,-1.5E-6,0.001,0,1,1
                1,1,0.2,-0.2011,-2.5E-6,0.001,0,1,1
                2,0,0.1,-0.8001,-1.25E-4,0.001,0,,
                """);
        ImportedSession imported = new DelimitedImporter().read(file);
        ImportedSession.Step lsv = imported.steps().get(0);
        assertThat(lsv.facts().kind()).isEqualTo("lsv");
        assertThat(lsv.facts().settings()).isEqualTo(StepSettings.linearSweep(0.1, -0.4, 0.001, 0.005));
        // the batch before the gas is still read: the gas and settings are taken off the end of the line first
        assertThat(lsv.facts().context()).isEqualTo(new StepFacts.Context("", 0, 0, 1, Optional.of(Gas.NITRIC_OXIDE)));
        assertThat(lsv.samples()).containsExactly(new Sample(0.0, -0.2001, -1.5e-6, 0.001, 0).inSweep(1, 1),
                new Sample(0.2, -0.2011, -2.5e-6, 0.001, 0).inSweep(1, 1));
        ImportedSession.Step ca = imported.steps().get(1);
        assertThat(ca.facts().settings()).isEqualTo(StepSettings.NONE);
        assertThat(ca.facts().context().gas()).isEmpty();
        assertThat(ca.samples()).containsExactly(new Sample(0.1, -0.8001, -1.25e-4, 0.001, 0));
        assertThat(imported.warnings()).isEmpty();
    }

    @Test
    void aSweepRowCutShortBeforeItsSegmentIsLeftOutAndSaid() throws Exception {
        Path file = write("cut.csv", CSV_HEADER + "1,0,0.0,-0.2001,-1.5E-6,0.001,0,1,1\n1,1,0.2,-0.2011,-2.5E-6,0.001,0,1,");
        ImportedSession imported = new DelimitedImporter().read(file);
        assertThat(imported.steps().get(0).samples()).hasSize(1);
        assertThat(String.join("\n", imported.warnings())).contains("cut.csv:13");
    }

    @Test
    void aCycleWithoutASegmentOrAnUnknownGasIsRefusedWithItsLine() throws Exception {
        Path half = write("half.csv", CSV_HEADER + "1,0,0.0,-0.2001,-1.5E-6,0.001,0,1,\n2,0,0.1,-0.8001,-1.25E-4,0.001,0,,\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(half)).isInstanceOf(ImportException.class)
                .hasMessageContaining("half.csv:12").hasMessageContaining("segment");
        Path nitrogen = write("n2.csv", CSV_HEADER.replace("; gas NO;", "; gas N2;"));
        assertThatThrownBy(() -> new DelimitedImporter().read(nitrogen)).isInstanceOf(ImportException.class)
                .hasMessageContaining("n2.csv:9").hasMessageContaining("gas 'N2' is not one norrlab knows (Ar, NO)");
    }

    @Test
    void jsonLinesSettingsMustBeAnObjectOfNumbers() throws Exception {
        String session = "{\"type\":\"session\",\"id\":9,\"protocol_name\":\"study\",\"cell\":{\"reference_electrode\":\"SCE\","
                + "\"reference_e0_vs_she_V\":0.241,\"reference_source\":\"site\",\"pH\":1.0,\"temperature_C\":25.0,"
                + "\"electrode_area_cm2\":0.5,\"catalyst_loading_mg_cm2\":0.2,\"electrolyte_volume_mL\":30.0},\"instrument\":{}}\n";
        String step = "{\"type\":\"step\",\"index\":1,\"kind\":\"cv\",\"label\":\"CV\",\"E_set_vs_RE_V\":-0.1,\"interval_s\":0.1,"
                + "\"gas\":\"Ar\",\"settings\":%s}\n";
        String sample = "{\"type\":\"sample\",\"step\":1,\"seq\":0,\"t_s\":0.0,\"E_V\":-0.1,\"I_A\":1.0E-6,\"range_A\":0.001,"
                + "\"flags\":0,\"cycle\":2,\"segment\":3}\n";
        Path good = write("good.jsonl", session + step.formatted("{\"scan_rate_v_s\":0.02,\"step_v\":0.002,"
                + "\"start_vs_rhe_v\":0.2,\"vertex1_vs_rhe_v\":0.25,\"vertex2_vs_rhe_v\":0.15,\"end_vs_rhe_v\":0.2,\"cycles\":2}") + sample);
        ImportedSession imported = new JsonLinesImporter().read(good);
        assertThat(imported.steps().get(0).facts().settings())
                .isEqualTo(StepSettings.cyclicVoltammetry(0.2, 0.25, 0.15, 2, 0.002, 0.02));
        assertThat(imported.steps().get(0).facts().context().gas()).contains(Gas.ARGON);
        assertThat(imported.steps().get(0).samples()).containsExactly(new Sample(0.0, -0.1, 1e-6, 1e-3, 0).inSweep(2, 3));
        Path bad = write("bad.jsonl", session + step.formatted("{\"scan_rate_v_s\":\"fast\"}") + sample);
        assertThatThrownBy(() -> new JsonLinesImporter().read(bad)).isInstanceOf(ImportException.class)
                .hasMessageContaining("bad.jsonl:2").hasMessageContaining("field 'settings'");
        Path negative = write("negative.jsonl", session + step.formatted("{\"scan_rate_v_s\":-0.02}") + sample);
        assertThatThrownBy(() -> new JsonLinesImporter().read(negative)).isInstanceOf(ImportException.class)
                .hasMessageContaining("negative.jsonl:2").hasMessageContaining("a scan rate must be positive, was -0.02 V/s");
    }
}
