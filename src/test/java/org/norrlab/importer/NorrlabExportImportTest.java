package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.Potential;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.testing.SharedFixtures;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * norrlab's own CSV and JSON Lines exports and the Rodeostat's data files, read as a stream: every row, the steps
 * the header lists (with none of their rows too), and a file cut short kept up to its last complete row and said.
 * The exports here are written by hand in SessionExporter's layout, small enough to check every value.
 */
class NorrlabExportImportTest {
    @TempDir
    Path temp;

    private static final String CSV_HEADER = """
            # norrlab session export (CSV)
            # session: 7; status: aborted (operator)
            # protocol: sweep (sweep.yaml)
            # instrument: simulated Sim
            # started: 2026-11-30T10:00:00Z; software: norrlab 1.0
            # reference electrode: SCE, E = 0.2410 V vs SHE (site)
            # pH: 1.0; temperature: 25.0 C; electrode area: 0.5 cm2; catalyst loading: 0.2 mg/cm2; electrolyte volume: 30.0 mL
            # E vs RHE = E vs RE + 0.3001 V
            # step 1: ocp, rest, set  V vs RHE =  V vs RE, interval 1.0 s, 2 samples, completed
            # step 2: ca, hold at -0.5, set -0.5 V vs RHE = -0.8001 V vs RE, interval 0.1 s, 3 samples, completed
            # step 3: ca, next, set -0.6 V vs RHE = -0.9001 V vs RE, interval 0.1 s, 0 samples, not finished
            # units: t_s = seconds since the step began
            step,seq,t_s,E_V_vs_RE,I_A,range_A,flags
            """;

    private Path write(String name, String content) throws Exception {
        Path file = temp.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void aCsvExportComesBackWithItsCellStepsAndEverySample() throws Exception {
        Path file = write("s7.csv", CSV_HEADER + """
                1,0,1.0,0.2512,,,32
                1,1,2.0,0.2498,,,32
                2,0,0.1,-0.8001,-1.25E-4,0.001,0
                2,1,0.2,,-1.5E-4,,16
                2,2,0.3,-0.8001,-1.75E-4,0.001,0
                """);
        ImportedSession imported = new DelimitedImporter().read(file);
        assertThat(imported.format()).isEqualTo("norrlab-csv");
        // the name without the exporting store's protocol file in brackets, as the JSON Lines export gives it
        assertThat(imported.technique()).isEqualTo("sweep");
        assertThat(imported.facts().cell().areaCm2().orElseThrow().value()).isEqualTo(0.5);
        assertThat(imported.facts().cell().areaCm2().orElseThrow().source()).isEqualTo("file: norrlab export header");
        assertThat(imported.facts().cell().pH().orElseThrow().value()).isEqualTo(1.0);
        assertThat(imported.steps()).extracting(ImportedSession.Step::label).containsExactly("rest", "hold at -0.5", "next");
        assertThat(imported.steps().get(1).facts().setPotential()).contains(new Potential(-0.8001, Potential.Scale.RE));
        assertThat(imported.steps().get(1).intervalSeconds()).isEqualTo(0.1);
        assertThat(imported.steps().get(0).samples()).containsExactly(Sample.potentialOnly(1.0, 0.2512),
                Sample.potentialOnly(2.0, 0.2498));
        assertThat(imported.steps().get(1).samples()).containsExactly(new Sample(0.1, -0.8001, -1.25e-4, 0.001, 0),
                new Sample(0.2, Double.NaN, -1.5e-4, Double.NaN, SampleFlag.RANGE_CHANGED.bit()),
                new Sample(0.3, -0.8001, -1.75e-4, 0.001, 0));
        assertThat(imported.steps().get(2).samples()).isEmpty();
        assertThat(imported.warnings()).isEmpty();
    }

    @Test
    void aCutShortCsvExportKeepsItsCompleteRowsAndSaysWhatIsMissing() throws Exception {
        Path cut = write("cut.csv", CSV_HEADER + "1,0,1.0,0.2512,,,32\n1,1,2.0,0.2498,,,32\n2,0,0.1,-0.8001,-1.25E-4,0.0");
        ImportedSession imported = new DelimitedImporter().read(cut);
        assertThat(imported.steps()).extracting(s -> s.samples().size()).containsExactly(2, 0, 0);
        assertThat(imported.warnings()).containsExactly(
                "cut.csv:16: the last row is cut short (truncated file?): 2 complete rows kept",
                "cut.csv: step 2: the header declares 3 samples and the file holds 0");
        Path backwards = write("back.csv", CSV_HEADER + "2,0,0.1,-0.8,-1E-4,,0\n1,0,1.0,0.25,,,32\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(backwards)).hasMessage(backwards + ":15: column 'step': step 1"
                + " after step 2 is not among the header's '# step' lines that follow; an export lists every step and writes"
                + " their rows in that order");
    }

    private static final String JSONL_HEAD = String.join("\n",
            "{\"type\":\"session\",\"id\":7,\"protocol_name\":\"sweep\",\"cell\":{\"reference_electrode\":\"SCE\","
                    + "\"reference_e0_vs_she_V\":0.241,\"reference_source\":\"site\",\"pH\":1.0,\"temperature_C\":25.0,"
                    + "\"electrode_area_cm2\":0.5,\"catalyst_loading_mg_cm2\":0.2,\"electrolyte_volume_mL\":30.0},"
                    + "\"instrument\":{\"family\":\"simulated\",\"model\":\"Sim\",\"firmware\":\"1\",\"serial_number\":\"S1\"}}",
            "{\"type\":\"step\",\"index\":1,\"kind\":\"ocp\",\"label\":\"rest\",\"E_set_vs_RE_V\":null,\"interval_s\":1.0}",
            "{\"type\":\"step\",\"index\":2,\"kind\":\"ca\",\"label\":\"hold\",\"E_set_vs_RE_V\":-0.8001,\"interval_s\":0.1}",
            "{\"type\":\"step\",\"index\":3,\"kind\":\"ca\",\"label\":\"next\",\"E_set_vs_RE_V\":-0.9001,\"interval_s\":0.1}",
            "");

    @Test
    void aJsonLinesExportStreamsBackStepByStepAndACutLastLineIsSaid() throws Exception {
        Path file = write("s7.jsonl", JSONL_HEAD + String.join("\n",
                "{\"type\":\"sample\",\"step\":2,\"seq\":0,\"t_s\":0.1,\"E_V\":-0.8001,\"I_A\":-1.25E-4,\"range_A\":0.001,\"flags\":0}",
                "{\"type\":\"sample\",\"step\":2,\"seq\":1,\"t_s\":0.2,\"E_V\":-0.8001,\"I_A\":-1.5E-4,\"range_A\":null,\"flags\":16}",
                "{\"type\":\"sample\",\"step\":2,\"seq\":2,\"t_s\":0.3,\"E_V\":-0.80"));
        ImportedSession imported = new JsonLinesImporter().read(file);
        assertThat(imported.technique()).isEqualTo("sweep");
        assertThat(imported.facts().cell().loadingMgPerCm2().orElseThrow().value()).isEqualTo(0.2);
        assertThat(imported.steps()).extracting(ImportedSession.Step::label).containsExactly("rest", "hold", "next");
        assertThat(imported.steps().get(0).samples()).isEmpty();
        assertThat(imported.steps().get(1).samples()).containsExactly(new Sample(0.1, -0.8001, -1.25e-4, 0.001, 0),
                new Sample(0.2, -0.8001, -1.5e-4, Double.NaN, SampleFlag.RANGE_CHANGED.bit()));
        assertThat(imported.steps().get(1).voltsVsReference()).isEqualTo(-0.8001);
        assertThat(imported.warnings()).containsExactly(
                "s7.jsonl:7: the last line is cut short (truncated file?); the lines before it are kept");

        Path broken = write("broken.jsonl", JSONL_HEAD + "{\"type\":\"sam\n"
                + "{\"type\":\"sample\",\"step\":2,\"seq\":0,\"t_s\":0.1,\"E_V\":-0.8,\"I_A\":-1E-4,\"range_A\":null,\"flags\":0}\n");
        assertThatThrownBy(() -> new JsonLinesImporter().read(broken))
                .hasMessage(broken + ":5: is not one JSON object; only a file's last line may be cut short");
        Path unknownStep = write("unknown.jsonl", JSONL_HEAD
                + "{\"type\":\"sample\",\"step\":9,\"seq\":0,\"t_s\":0.1,\"E_V\":-0.8,\"I_A\":-1E-4,\"range_A\":null,\"flags\":0}\n");
        assertThatThrownBy(() -> new JsonLinesImporter().read(unknownStep)).hasMessageStartingWith(unknownStep
                + ":5: sample of step 9 is not among the step lines that follow the session");
    }

    @Test
    void rodeostatDataKeepsItsTimeAndReadsMicroamperes() throws Exception {
        // SOURCES.md, rodeostat/: "t, V, I" separated by ", ", I in µA, 2000 rows at 5 ms; first 0.005, 0.0000, 0.3667;
        // last (read with tail) 10.000, 0.7000, 14.3461.
        Path fixture = SharedFixtures.vendorFile("rodeostat/const_test_data.txt");
        ImportedSession imported = ImportService.read(fixture);
        assertThat(imported.format()).isEqualTo("rodeostat");
        ImportedSession.Step step = imported.steps().get(0);
        assertThat(step.kind()).isEqualTo("other");
        assertThat(step.label()).isEqualTo("Rodeostat test");
        assertThat(step.intervalSeconds()).isCloseTo(0.005, within(1e-12));
        List<Sample> samples = step.samples();
        assertThat(samples).hasSize(2000);
        assertThat(samples.get(0)).isEqualTo(new Sample(0.005, 0.0, 3.667e-7, Double.NaN, 0));
        assertThat(samples.get(1999)).isEqualTo(new Sample(10.0, 0.7, 1.43461e-5, Double.NaN, 0));
        assertThat(imported.warnings()).containsExactly(
                "const_test_data.txt: a headerless 3-column file read as the Rodeostat's t (s), v (V), i (µA)");

        // cyclic_test_data.txt: 500 rows at 10 ms, first 0.010, -0.1000, -1.6828; last (tail) 5.000, -0.1000, -1.6887.
        List<Sample> cyclic = new DelimitedImporter().read(SharedFixtures.vendorFile("rodeostat/cyclic_test_data.txt"))
                .steps().get(0).samples();
        assertThat(cyclic).hasSize(500);
        assertThat(cyclic.get(0)).isEqualTo(new Sample(0.01, -0.1, -1.6828e-6, Double.NaN, 0));
        assertThat(cyclic.get(499)).isEqualTo(new Sample(5.0, -0.1, -1.6887e-6, Double.NaN, 0));

        String text = Files.readString(fixture, StandardCharsets.ISO_8859_1);
        Path cut = write("cut.txt", text.substring(0, text.length() - "0, 14.3461\n".length()));
        ImportedSession kept = new DelimitedImporter().read(cut);
        assertThat(kept.steps().get(0).samples()).hasSize(1999);
        assertThat(kept.warnings()).contains("cut.txt:2000: the last row is cut short (truncated file?): 1999 complete rows kept");
        // Three numbers without the library's ", " are not taken for µA: with no header, the file says no unit.
        Path bare = write("bare.csv", "0.1,0.2,0.3\n0.2,0.2,0.3\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(bare))
                .hasMessageStartingWith(bare + ":1: expected a header naming a time and a current column with units");
        Path negative = write("negative.txt", "0.005, 0.0000, 0.3667\n-0.010, 0.0000, 0.3587\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(negative)).isInstanceOf(ImportException.class)
                .hasMessage(negative + ":2: the row is not a sample: sample time must be finite and >= 0 s, was -0.01");
    }
}
