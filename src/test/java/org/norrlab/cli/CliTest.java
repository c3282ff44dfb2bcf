package org.norrlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CliTest {
    @TempDir
    Path temp;

    private static CliRunner.Result norrlab(String... args) {
        return CliRunner.norrlab(args);
    }

    @Test
    void runPrintsTheStepTableThenExportGivesBackTheSamePoints() throws Exception {
        Path db = temp.resolve("cli.db");
        CliRunner.Result run = norrlab("run", "protocols/demo-sweep.yaml", "--home", Fixtures.HOME.toString(), "--db", db.toString(),
                "--speed", "max", "--no-progress");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Session 1 completed: all 5 steps completed")
                .contains("Session database: " + db.toAbsolutePath());
        // The table row of step 3: -0.5 V vs RHE, -1.111 V vs Ag/AgCl at pH 7, 300 s, 3000 samples, NiNC ~ -14.5 mA.
        Matcher row = Pattern.compile("\\n\\s+3\\s+ca\\s+-0\\.500\\s+-1\\.111\\s+300\\.0\\s+3000\\s+(-1[45]\\.\\d+) mA\\s+([\\d.]+)\\s+completed")
                .matcher(run.out());
        assertThat(row.find()).as(run.out()).isTrue();
        double meanMilliamps = Double.parseDouble(row.group(1));
        double charge = Double.parseDouble(row.group(2));
        assertThat(charge).isCloseTo(-meanMilliamps * 1e-3 * 300, within(0.01));

        Path csv = temp.resolve("s1.csv");
        CliRunner.Result export = norrlab("export", "1", "--home", Fixtures.HOME.toString(), "--db", db.toString(), "-o", csv.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("# norrlab session export (CSV)");
        assertThat(lines).anyMatch(l -> l.startsWith("# reference electrode: Ag/AgCl (sat. KCl), E = 0.1970 V vs SHE"));
        List<String> data = lines.stream().filter(l -> !l.startsWith("#")).toList();
        assertThat(data.get(0)).isEqualTo("step,seq,t_s,E_V_vs_RE,I_A,range_A,flags,cycle,segment");
        assertThat(data).hasSize(1 + 20 + 4 * 3000);
        double csvCharge = 0;
        double previous = Double.NaN;
        double previousTime = 0;
        for (String line : data.subList(1, data.size())) {
            String[] f = line.split(",", -1);
            if (f[0].equals("3")) {
                double t = Double.parseDouble(f[2]);
                double i = Double.parseDouble(f[4]);
                csvCharge += Double.isNaN(previous) ? i * t : 0.5 * (i + previous) * (t - previousTime);
                previous = i;
                previousTime = t;
            } else if (f[0].equals("1")) {
                assertThat(f[4]).as("open circuit rows have no current").isEmpty();
            }
        }
        assertThat(-csvCharge).isCloseTo(charge, within(charge * 1e-4));

        Path json = temp.resolve("s1.json");
        assertThat(norrlab("export", "1", "--format", "json", "--home", Fixtures.HOME.toString(), "--db", db.toString(),
                "-o", json.toString()).exitCode()).isZero();
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.path("session").path("status").asText()).isEqualTo("completed");
        assertThat(doc.path("session").path("cell").path("pH").asDouble()).isEqualTo(7.0);
        assertThat(doc.path("steps")).hasSize(5);
        JsonNode step3 = doc.path("steps").get(2);
        assertThat(step3.path("E_set_vs_RHE_V").asDouble()).isEqualTo(-0.5);
        assertThat(step3.path("samples")).hasSize(3000);
        String csvRow = data.stream().filter(l -> l.startsWith("3,0,")).findFirst().orElseThrow();
        JsonNode first = step3.path("samples").get(0);
        assertThat(first.get(3).asDouble()).isEqualTo(Double.parseDouble(csvRow.split(",")[4]));
        assertThat(doc.path("events").findValuesAsText("kind")).contains("SIMULATOR_TRUTH");

        CliRunner.Result sessions = norrlab("sessions", "--home", Fixtures.HOME.toString(), "--db", db.toString());
        assertThat(sessions.out()).containsPattern("\\n\\s+1\\s+\\S+\\s+completed\\s+NORR demo sweep");
        CliRunner.Result show = norrlab("show", "1", "--home", Fixtures.HOME.toString(), "--db", db.toString());
        assertThat(show.out()).contains("Session 1: completed").contains("SIMULATOR_TRUTH");
    }

    @Test
    void everyBenchmarkRunsOnATinySizeAndEndsInATableOfRatios() {
        CliRunner.Result bench = norrlab("bench", "all", "--size", "tiny", "--home", Fixtures.HOME.toString(),
                "--work-dir", temp.toString());
        assertThat(bench.exitCode()).as(bench.err()).isZero();
        assertThat(bench.out())
                .containsPattern("MethodSCRIPT CA package\\s+[\\d,]+ ± \\S+ lines/s\\s+wire max\\s+2,248 lines/s \\(41 B/line\\)")
                .containsPattern("Rodeostat JSON sample\\s+[\\d,]+ ± \\S+ lines/s\\s+wire max\\s+1,000 lines/s")
                // 4 steps of 5000 samples, each stored by the pipeline and by the plain insert
                .containsPattern("20000 samples: pipeline \\d+ samples/s \\([\\d.]+ s\\), plain JDBC batch insert \\d+ samples/s")
                // 36 s at 10 ms
                .containsPattern("\\n3600 samples in [\\d.]+ s \\(\\d+ samples/s\\); heap peak [\\d.]+ MiB")
                // 3 min at 100 ms
                .containsPattern("0\\.0500 h recorded \\(1800 samples\\): replay from the simulator's seed [\\d.]+ s")
                .containsPattern("20000 samples fed at \\d+ samples/s; 4 frames of 1400 x 800")
                .containsPattern("9 step boundaries: lag mean [\\d.]+ ms")
                .containsPattern("java -version: median [\\d.]+ s, fastest [\\d.]+ s of 1 runs")
                // report, show and analyze of the long-run session, each a whole process, with sessions beside them
                .containsPattern("session \\d+ \\(3600 samples\\), whole processes: report median [\\d.]+ s")
                // a new process imports 20 000 generated rows; both references measured in the same run
                .containsPattern("import of 20000 CSV rows \\([\\d.]+ MB\\), whole process \\(-XX:TieredStopAtLevel=1 -XX:\\+UseSerialGC\\): [\\d.]+ s"
                        + " \\(\\d+ rows/s\\), peak RSS .*; plain JDBC batch insert of the same rows [\\d.]+ s \\(\\d+ rows/s\\),"
                        + " ratio [\\d.]+; plain buffered read of the same bytes")
                // issue 23: 4 CA steps of 5000 samples exported as a whole process, and one a tenth its size
                .containsPattern("export --format csv of 20,000 samples \\([\\d.]+ MB\\): median [\\d.]+ s.*; export of"
                        + " 2,000 samples: peak RSS \\d+ MiB");
        for (String stage : List.of("parser: MethodSCRIPT CA package", "pipeline → SQLite", "pipeline vs instrument",
                "analysis of 0.0100 h at 100 Hz", "replay 0.0500 h (simulator seed)", "replay 0.0500 h (stored samples)",
                "chart repaint after 20,000 samples", "step-to-step lag", "start-up: norrlab --version",
                "start-up: norrlab --help", "start-up: norrlab sessions (1 session)", "start-up: norrlab plan (2 steps)",
                "report of 0.0100 h at 100 Hz (process)", "show of 0.0100 h at 100 Hz (process)",
                "analyze with R_u of 0.0100 h (process)", "import of 20,000 CSV rows (whole process)",
                "import vs reading its bytes", "import peak RSS",
                "export csv, 20,000 samples (whole process)", "export csv, peak RSS")) {
            assertThat(bench.out()).contains(stage);
        }
    }

    @Test
    void planPrintsBothPotentialsAndTheTotal() {
        CliRunner.Result plan = norrlab("plan", "protocols/norr-sweep.yaml", "--home", Fixtures.HOME.toString());
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).containsPattern("\\n\\s+6\\s+ca\\s+-0\\.600\\s+-1\\.211\\s+1 h\\s+100 ms\\s+36000\\s+auto\\s+37")
                // 5 min + 4 × 1 h + 4 holds of at most 30 min; the holds take no samples: 300 + 4 × 36000
                .contains("Total: 9 steps, up to 6 h 5 min, 144300 samples");
    }

    @Test
    void badInputGivesOneParagraphAndExitCodeThree() throws Exception {
        Path protocol = temp.resolve("typo.yaml");
        Files.writeString(protocol, "steps:\n  - ca: {potential: -0.5 V, duration: 1 h, interval: 1 s}\n");
        CliRunner.Result result = norrlab("plan", protocol.toString(), "--home", Fixtures.HOME.toString());
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err().strip()).isEqualTo("Bad input: " + protocol
                + ":2:21: field 'steps[1].ca.potential': '-0.5 V' does not say what the potential is against;"
                + " write e.g. '-0.5 V vs RHE' or '-1.1 V vs RE'");
    }

    @Test
    void unknownInstrumentAndMissingSessionAreExplained() {
        CliRunner.Result run = norrlab("run", "protocols/demo-sweep.yaml", "--instrument", "emstat9", "--home",
                Fixtures.HOME.toString(), "--db", temp.resolve("x.db").toString(), "--no-progress");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("there is no instrument profile 'emstat9'; known profiles: emstat-pico, emstat4-hr, emstat4-lr, rodeostat, rodeostat-10ma, rodeostat-micro, sim");

        CliRunner.Result show = norrlab("show", "7", "--home", Fixtures.HOME.toString(), "--db", temp.resolve("x.db").toString());
        assertThat(show.exitCode()).isEqualTo(5);
        assertThat(show.err()).contains("there is no session database at");

        CliRunner.Result usage = norrlab("run");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("Missing required parameter: 'PROTOCOL'");
    }
}
