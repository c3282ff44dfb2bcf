package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.norrlab.config.Potential;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Generic CSV files as labs write them: every header spelling, separators, decimal commas, encodings, steps whose time
 * runs on, set potentials, cut-short and bad rows. Expected values are the file's numbers converted by hand.
 */
class GenericCsvImportTest {
    @TempDir
    Path temp;

    private Path write(String name, String content) throws Exception {
        Path file = temp.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private ImportedSession read(String name, String content) throws Exception {
        return new DelimitedImporter().read(write(name, content));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", value = {
            // header cell | what it is | the second row's value as written | the value norrlab must store (s, A, V)
            "time_s            | time      | 2.5    | 2.5",
            "t (s)             | time      | 2.5    | 2.5",
            "t/s               | time      | 2.5    | 2.5",
            "Time/sec          | time      | 2.5    | 2.5",
            "time [s]          | time      | 2.5    | 2.5",
            "Time (min)        | time      | 1.5    | 90.0",
            "Elapsed Time (s)  | time      | 2.5    | 2.5",
            "time (ms)         | time      | 250    | 0.25",
            "Time (h)          | time      | 0.5    | 1800.0",
            "I_A               | current   | -0.0145 | -0.0145",
            "I/mA              | current   | -14.5  | -0.0145",
            "current (mA)      | current   | -14.5  | -0.0145",
            "Current [µA]      | current   | -1.25  | -1.25e-6",
            "Current [uA]      | current   | -1.25  | -1.25e-6",
            "Current [μA]      | current   | -1.25  | -1.25e-6",
            "I (nA)            | current   | 380    | 3.8e-7",
            "<I>/mA            | current   | -14.5  | -0.0145",
            "E/V               | potential | -0.512 | -0.512",
            "Ewe/V             | potential | -0.512 | -0.512",
            "<Ewe>/V           | potential | -0.512 | -0.512",
            "potential (mV)    | potential | -512   | -0.512",
            "E_V_vs_RE         | potential | -0.512 | -0.512",
            "E (V vs RE)       | potential | -0.512 | -0.512",
    })
    void readsEveryCommonSpellingOfAColumnAndItsUnit(String header, String what, String written, double expected)
            throws Exception {
        String csv = switch (what) {
            case "time" -> header + ",I (A)\n0,0.001\n" + written + ",0.001\n";
            case "current" -> "t (s)," + header + "\n0,0\n1," + written + "\n";
            default -> "t (s),I (A)," + header + "\n0,0,0\n1,0," + written + "\n";
        };
        Sample second = read("h.csv", csv).steps().get(0).samples().get(1);
        double value = switch (what) {
            case "time" -> second.timeSeconds();
            case "current" -> second.currentAmperes();
            default -> second.potentialVolts();
        };
        assertThat(value).isEqualTo(expected);
    }

    @Test
    void semicolonsWithDecimalCommasAndTabsAreRead() throws Exception {
        ImportedSession semicolons = read("eu.csv", "t (s);I (µA);E (V)\n0,0;-1,25;-0,512\n0,5;-1,30;-0,513\n");
        assertThat(semicolons.metadata()).containsEntry("separator", ";");
        List<Sample> s = semicolons.steps().get(0).samples();
        assertThat(s).hasSize(2);
        assertThat(s.get(0).currentAmperes()).isEqualTo(-1.25e-6);
        assertThat(s.get(0).potentialVolts()).isEqualTo(-0.512);
        assertThat(s.get(1).timeSeconds()).isEqualTo(0.5);
        assertThat(s.get(1).currentAmperes()).isEqualTo(-1.3e-6);
        ImportedSession tabs = read("tab.txt", "time [s]\tCurrent [mA]\tEwe/V\n0\t-14,5\t-1,111\n0,1\t-14,4\t-1,111\n");
        assertThat(tabs.metadata()).containsEntry("separator", "TAB");
        assertThat(tabs.steps().get(0).samples().get(1).currentAmperes()).isEqualTo(-0.0144);
        assertThat(tabs.steps().get(0).samples().get(1).timeSeconds()).isEqualTo(0.1);
        // A comma inside a comma-separated file cannot be a decimal comma: refused, not read as 1.25 or as two cells.
        Path quoted = write("quoted.csv", "t (s),I (µA)\n0,\"-1,25\"\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(quoted)).isInstanceOf(ImportException.class)
                .hasMessage(quoted + ":2: column 'I (µA)': '-1,25' has a decimal comma, which a comma-separated file cannot"
                        + " tell from a separator; export with ';' or TAB between cells");
    }

    /** In German notation '-1.500' is −1500: a file of decimal commas with a number written with a point is refused. */
    @Test
    void aFileMixingDecimalCommasAndPointsIsRefusedWhereTheOtherMarkAppears() throws Exception {
        Path commas = write("commas.csv", "t (s);I (mA)\n0;-1,25\n1;-1\n2;-1.500\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(commas)).isInstanceOf(ImportException.class)
                .hasMessage(commas + ":4: column 'I (mA)': this file writes decimals with ',' (first at line 2); '-1.500'"
                        + " with '.' could be a thousands separator: re-export with one decimal mark");
        Path points = write("points.tsv", "t (s)\tI (mA)\n0.5\t-1\n1\t-1,500\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(points))
                .hasMessage(points + ":3: column 'I (mA)': this file writes decimals with '.' (first at line 2); '-1,500'"
                        + " with ',' could be a thousands separator: re-export with one decimal mark");
        // numbers without a mark read the same in both notations
        List<Sample> s = read("plain.csv", "t (s);I (mA)\n0;-2\n1;-1,5\n2;-3\n3;1e-3\n").steps().get(0).samples();
        assertThat(s).extracting(Sample::currentAmperes).containsExactly(-0.002, -0.0015, -0.003, 1e-6);
    }

    @Test
    void aStepColumnWithTimeRunningOnGivesStepsCountedFromTheirFirstRow() throws Exception {
        ImportedSession steps = read("run.csv", """
                time (s),I (mA),E (V),step
                0.0,-1.0,-0.90,1
                1.0,-1.1,-0.90,1
                2.0,-2.0,-1.00,2
                3.0,-2.1,-1.00,2
                4.0,-2.1,-1.00,2
                5.5,-2.2,-1.00,2
                """);
        assertThat(steps.steps()).extracting(ImportedSession.Step::label).containsExactly("step 1", "step 2");
        assertThat(steps.steps()).extracting(ImportedSession.Step::kind).containsExactly("other", "other");
        assertThat(steps.steps().get(0).samples()).extracting(Sample::timeSeconds).containsExactly(0.0, 1.0);
        assertThat(steps.steps().get(1).samples()).extracting(Sample::timeSeconds).containsExactly(0.0, 1.0, 2.0, 3.5);
        assertThat(steps.steps().get(1).samples().get(3).currentAmperes()).isEqualTo(-0.0022);
        assertThat(steps.steps().get(1).intervalSeconds()).isEqualTo(1.0);
        assertThat(steps.steps().get(1).facts().setPotential()).isEmpty();
        assertThat(steps.warnings()).containsExactly(
                "run.csv:4: step 2 begins at 2 s of the file's time; its samples' times count from there (t − 2 s)");
        // One step whose time does not start at 0 is counted from its first row too; named steps are kept by name.
        ImportedSession named = read("named.csv", "t/s;I/µA;step\n600,5;-3;hold\n601,5;-4;hold\n");
        assertThat(named.steps().get(0).label()).isEqualTo("step hold");
        assertThat(named.steps().get(0).samples()).extracting(Sample::timeSeconds).containsExactly(0.0, 1.0);
        assertThat(named.warnings()).containsExactly(
                "named.csv:2: step hold begins at 600.5 s of the file's time; its samples' times count from there (t − 600.5 s)");
    }

    @Test
    void aStepThatComesBackOrATimeThatGoesBackIsRefused() throws Exception {
        Path back = write("back.csv", "t (s),I (A),step\n0,1,1\n1,1,1\n2,1,2\n3,1,1\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(back)).hasMessage(back
                + ":5: step '1' appears again after step '2' (its rows were lines 2–3); the rows of one step must be one block");
        Path restart = write("restart.csv", "t (s),I (A)\n0,1\n1,1\n0,1\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(restart)).hasMessageStartingWith(restart
                + ":4: column 't (s)': time 0 s is before the row above (1 s) in step '1'; rows of a step must run forward");
    }

    @Test
    void aSetPotentialColumnGivesCaStepsAtThePotentialOnTheStatedScale() throws Exception {
        ImportedSession ca = read("ca.csv", """
                t (s),I (mA),E_set (V vs RHE),step
                0,-1.0,-0.5,1
                1,-1.1,-0.5,1
                0,-2.0,-0.60,2
                1,-2.1,-0.6,2
                0,0,,rest
                """);
        assertThat(ca.steps()).extracting(ImportedSession.Step::kind).containsExactly("ca", "ca", "other");
        assertThat(ca.steps().get(0).facts().setPotential()).contains(new Potential(-0.5, Potential.Scale.RHE));
        assertThat(ca.steps().get(1).facts().setPotential()).contains(new Potential(-0.6, Potential.Scale.RHE));
        assertThat(ca.steps().get(2).facts().setPotential()).isEmpty();
        ImportedSession vsRe = read("re.csv", "t (s);I (mA);E_set_mV_vs_RE\n0;-1;-1111\n1;-1;-1111\n");
        assertThat(vsRe.steps().get(0).facts().setPotential()).contains(new Potential(-1.111, Potential.Scale.RE));
        assertThat(vsRe.steps().get(0).voltsVsReference()).isEqualTo(-1.111);
        ImportedSession kinds = read("kinds.csv", "t (s),E (V),kind,step\n0,0.91,ocp,1\n1,0.92,OCP,1\n");
        assertThat(kinds.steps().get(0).kind()).isEqualTo("ocp");
        assertThat(kinds.steps().get(0).samples()).allMatch(x -> x.has(SampleFlag.NO_CURRENT));

        Path changes = write("changes.csv", "t (s),I (mA),set potential (V vs RHE)\n0,-1,-0.5\n1,-1,-0.55\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(changes)).hasMessage(changes + ":3: column 'set potential"
                + " (V vs RHE)': set potential -0.55 V in step '1', whose first row (line 2) has -0.5 V; a step has one set"
                + " potential: give each value its own step");
        Path noScale = write("noscale.csv", "t (s),I (mA),E_set (V)\n0,-1,-0.5\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(noScale)).hasMessage(noScale + ":1: column 'E_set (V)': a set"
                + " potential needs its unit and its scale (vs RE or vs RHE) in the header; accepted: E_set (V vs RE),"
                + " E_set (mV vs RHE), set potential (V vs RHE), E_set_V_vs_RE");
        Path named = write("named.csv", "t (s),I (mA),E_set (V vs Ag/AgCl)\n0,-1,-0.5\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(named))
                .hasMessageContaining(named + ":1: column 'E_set (V vs Ag/AgCl)': 'Ag/AgCl' is not a scale norrlab converts"
                        + " from; state the set potential vs RE (the cell's reference electrode) or vs RHE");
        Path measuredVsRhe = write("rhe.csv", "t (s),I (mA),E (V vs RHE)\n0,-1,-0.5\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(measuredVsRhe))
                .hasMessageContaining("column 'E (V vs RHE)': norrlab stores a measured potential vs the reference electrode");
    }

    @Test
    void withoutAPotentialColumnSamplesCarryNoPotentialAndTheUnitsReadAreShown() throws Exception {
        ImportedSession imported = read("ti.csv", "t (s),I/mA,Charge/C\n0,-14.5,0\n0.1,-14.4,-0.00145\n");
        assertThat(imported.steps().get(0).samples()).hasSize(2).allMatch(s -> Double.isNaN(s.potentialVolts()));
        // The summary shows the unit each column was read in: a mA header over values of A magnitude is visible there.
        assertThat(imported.metadata()).containsEntry("columns", "time: 't (s)' in s; current: 'I/mA' in mA; potential: none"
                + " (the samples carry no potential); not read: 'Charge/C'");
    }

    @Test
    void aLastRowCutShortIsDroppedAndSaid() throws Exception {
        ImportedSession missingCell = read("cut.csv", "t (s),I (mA),E (V)\n0,-1,0.1\n1,-1,0.1\n2,-1,0.1\n3,-1");
        assertThat(missingCell.steps().get(0).samples()).hasSize(3);
        assertThat(missingCell.warnings()).containsExactly(
                "cut.csv:5: the last row is cut short (truncated file?): 3 complete rows kept");
        ImportedSession midNumber = read("cut2.csv", "t (s),I (mA),E (V)\n0,-1,0.1\n1,-1,0.1\n2,-1,1e");
        assertThat(midNumber.steps().get(0).samples()).hasSize(2);
        assertThat(midNumber.warnings()).containsExactly(
                "cut2.csv:4: the last row is cut short (truncated file?): 2 complete rows kept");
    }

    /** Excel saves the empty rows below a table as ";;": blank rows, skipped; said only when data follows them. */
    @Test
    void rowsOfEmptyCellsAreBlankRows() throws Exception {
        ImportedSession trailing = read("excel.csv", "t (s);I (mA);E (V)\n0;-1,5;0,1\n1;-2,5;0,1\n;;\n;;\n\"\";;\n");
        assertThat(trailing.steps().get(0).samples()).extracting(Sample::currentAmperes).containsExactly(-0.0015, -0.0025);
        assertThat(trailing.warnings()).isEmpty();
        ImportedSession inside = read("gaps.csv", "t (s);I (mA);E (V)\n0;-1,5;0,1\n;;\n;;\n1;-2,5;0,1\n;;\n2;-3,5;0,1\n;;\n");
        assertThat(inside.steps().get(0).samples()).extracting(Sample::currentAmperes)
                .containsExactly(-0.0015, -0.0025, -0.0035);
        assertThat(inside.warnings()).containsExactly(
                "gaps.csv:3: 3 rows whose cells are all empty were skipped among the data rows (the first at this line)");
    }

    @Test
    void aBadRowElsewhereNamesItsLineAndColumn() throws Exception {
        Path bad = write("bad.csv", "t (s),I (mA),E (V)\n0,-1,0.1\n1,abc,0.1\n2,-1,0.1\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(bad)).isInstanceOf(ImportException.class)
                .hasMessage(bad + ":3: column 'I (mA)': 'abc' is not a number");
        Path shortRow = write("short.csv", "t (s),I (mA),E (V)\n0,-1,0.1\n1,-1\n2,-1,0.1\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(shortRow))
                .hasMessage(shortRow + ":3: has 2 cells and the header has 3; only a file's last row may be cut short");
        Path huge = write("huge.csv", "Time (h),I (mA)\n0,-1\n1e308,-1\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(huge))
                .hasMessage(huge + ":3: column 'Time (h)': '1e308' h is out of range");
        Path longRow = write("long.csv", "t (s),I (mA)\n0,-1,7\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(longRow)).hasMessageContaining(longRow + ":2: has 3 cells");
    }

    @Test
    void anUnreadableHeaderListsEveryAcceptedForm() throws Exception {
        Path unreadable = write("odd.csv", "Zeit,Strom\n1,2\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(unreadable)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(unreadable + ":1: expected a header naming a time and a current column with units")
                .hasMessageContaining("found: Zeit,Strom")
                .hasMessageContaining("time_s, t (s), t/s, Time/sec, time [s], Time (min), Elapsed Time (s); units s, ms, min, h")
                .hasMessageContaining("I_A, I/mA, current (mA), Current [µA], <I>/mA; units A, mA, µA or uA, nA, pA")
                .hasMessageContaining("E/V, Ewe/V, potential (mV), E_V_vs_RE")
                .hasMessageContaining("step, step number").hasMessageContaining("E_set (V vs RE), set potential (V vs RHE)")
                .hasMessageContaining("separated by ',', ';' or TAB");
        Path twice = write("twice.csv", "t (s),I (mA),<I>/mA\n0,1,1\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(twice)).hasMessage(twice
                + ":1: columns 'I (mA)' and '<I>/mA' are both a current column; keep one of them (norrlab does not choose)");
        Path density = write("density.csv", "t (s),current (mA/cm2)\n0,1\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(density))
                .hasMessageContaining("column 'current (mA/cm2)': 'mA/cm2' is not a unit here; allowed: A, mA, µA, μA, uA, nA, pA");
        ImportedSession given = new DelimitedImporter(new DelimitedImporter.DefaultUnits(Optional.empty(), Optional.of("µA"),
                Optional.of("mV"))).read(write("given.csv", "t (s),I,E\n0,-1.25,-512\n"));
        assertThat(given.steps().get(0).samples().get(0).currentAmperes()).isEqualTo(-1.25e-6);
        assertThat(given.steps().get(0).samples().get(0).potentialVolts()).isEqualTo(-0.512);
    }

    /**
     * A binary file read as a CSV (an .mpr given --format csv) is quoted harmlessly: control characters as escapes,
     * the quoted line cut after 120 characters, so no raw NUL reaches a terminal.
     */
    @Test
    void fileTextInAMessageShowsControlCharactersAndIsCut() throws Exception {
        Path binary = temp.resolve("binary.csv");
        byte[] bytes = new byte[400];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 4 == 0 ? 0 : i % 4 == 1 ? 'A' : i % 4 == 2 ? 0x1A : '\t');
        }
        Files.write(binary, bytes);
        String shown = "\\0A\\x1A\\t".repeat(30); // the first 120 characters, 4 bytes shown as 9 characters
        assertThatThrownBy(() -> new DelimitedImporter().read(binary)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(binary + ":1: expected a header naming a time and a current column with units,"
                        + " e.g. 'time (s),current (mA)' or 't/s;I/µA'; found: " + shown + "…; accepted:")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\0").doesNotContain("\t").doesNotContain("\u001A"));
        assertThat(ImportException.quoted("a\0b\u0000" + "07\r\n\u007F")).isEqualTo("'a\\0b\\x0007\\x0D\\x0A\\x7F'");
        Path cell = write("cell.csv", "t (s);I (mA)\n0;-1\n1;" + "9".repeat(200) + "x\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(cell))
                .hasMessage(cell + ":3: column 'I (mA)': '" + "9".repeat(120) + "…' is not a number");
    }

    /** A unit option for a column whose header states a unit is not ignored: another unit is refused, the same is fine. */
    @Test
    void aUnitOptionThatDiffersFromTheHeadersUnitIsRefused() throws Exception {
        Path file = write("stated.csv", "t (s),I/mA,E (V)\n0,-1.5,-0.5\n");
        assertThatThrownBy(() -> importer(Optional.empty(), Optional.of("A"), Optional.empty()).read(file))
                .isInstanceOf(ImportException.class).hasMessage(file + ":1: column 'I/mA': the header states 'mA' and"
                        + " --current-unit says 'A'; they differ: drop the option or correct the header (norrlab does not choose)");
        assertThatThrownBy(() -> importer(Optional.of("ms"), Optional.empty(), Optional.empty()).read(file))
                .hasMessage(file + ":1: column 't (s)': the header states 's' and --time-unit says 'ms'; they differ: drop"
                        + " the option or correct the header (norrlab does not choose)");
        assertThatThrownBy(() -> importer(Optional.empty(), Optional.empty(), Optional.of("mV")).read(file))
                .hasMessage(file + ":1: column 'E (V)': the header states 'V' and --potential-unit says 'mV'; they differ:"
                        + " drop the option or correct the header (norrlab does not choose)");
        Sample agreed = importer(Optional.of("sec"), Optional.of("mA"), Optional.of("V")).read(file).steps().get(0)
                .samples().get(0);
        assertThat(agreed.currentAmperes()).isEqualTo(-0.0015);
        assertThat(agreed.potentialVolts()).isEqualTo(-0.5);
        Path micro = write("micro.csv", "t (s),I (µA)\n0,-1.25\n");
        assertThat(importer(Optional.empty(), Optional.of("uA"), Optional.empty()).read(micro).steps().get(0).samples()
                .get(0).currentAmperes()).isEqualTo(-1.25e-6);
    }

    private static DelimitedImporter importer(Optional<String> time, Optional<String> current, Optional<String> potential) {
        return new DelimitedImporter(new DelimitedImporter.DefaultUnits(time, current, potential));
    }

    @Test
    void everyEncodingAndLineEndOfOneFileGivesTheSameSamples() throws Exception {
        String text = "Time (s);Current [µA];E/V\n0,0;-1,25;0,1\n0,5;-1,5;0,1\n1,0;-1,75;0,1\n";
        ImportedSession utf8 = read("utf8.csv", text);
        List<byte[]> variants = List.of(TextLinesTest.encode(text, StandardCharsets.UTF_8, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF),
                TextLinesTest.encode(text, StandardCharsets.UTF_16LE, (byte) 0xFF, (byte) 0xFE),
                TextLinesTest.encode(text, StandardCharsets.UTF_16BE, (byte) 0xFE, (byte) 0xFF),
                TextLinesTest.encode(text, Charset.forName("windows-1252")),
                TextLinesTest.encode(text.replace("\n", "\r\n"), Charset.forName("windows-1252")),
                TextLinesTest.encode(text.replace("\n", "\r\r\n"), StandardCharsets.UTF_16LE, (byte) 0xFF, (byte) 0xFE));
        assertThat(utf8.steps().get(0).samples()).extracting(Sample::currentAmperes).containsExactly(-1.25e-6, -1.5e-6, -1.75e-6);
        for (int i = 0; i < variants.size(); i++) {
            Path file = temp.resolve("variant" + i + ".csv");
            Files.write(file, variants.get(i));
            ImportedSession imported = new DelimitedImporter().read(file);
            assertThat(imported.steps().get(0).samples()).as("variant %d", i).isEqualTo(utf8.steps().get(0).samples());
            assertThat(imported.metadata()).as("variant %d", i).isEqualTo(utf8.metadata());
        }
    }

    @Test
    void samplesReachTheSinkBeforeTheFileIsReadToItsEnd() throws Exception {
        StringBuilder csv = new StringBuilder("t (s),I (A)\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(i).append(",-0.001\n");
        }
        csv.append("oops,-0.001\n1,1\n");
        Path file = write("long.csv", csv.toString());
        long[] samples = {0};
        ImportSink counting = new ImportSink() {
            @Override
            public void file(FileFacts facts) {
            }

            @Override
            public void beginStep(StepFacts step) {
            }

            @Override
            public void sample(Sample sample) {
                samples[0]++;
            }

            @Override
            public void endStep() {
            }

            @Override
            public void note(String text) {
            }
        };
        assertThatThrownBy(() -> new DelimitedImporter().read(file, counting)).hasMessageContaining(":5002: column 't (s)'");
        // All but the few the interval is taken from were handed on before the bad row was read.
        assertThat(samples[0]).isEqualTo(5000);
    }
}
