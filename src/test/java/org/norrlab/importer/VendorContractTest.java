package org.norrlab.importer;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.norrlab.importer.ExpectedImport.Reading;
import org.norrlab.importer.ExpectedImport.Step;
import org.norrlab.testing.SharedFixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.norrlab.importer.ExpectedImport.Reading.ABSENT;
import static org.norrlab.importer.ExpectedImport.Reading.ANY;
import static org.norrlab.importer.ExpectedImport.Reading.ZERO;
import static org.norrlab.importer.ExpectedImport.Reading.computed;
import static org.norrlab.importer.ExpectedImport.Reading.json;
import static org.norrlab.importer.ExpectedImport.amperes;
import static org.norrlab.importer.ExpectedImport.imports;
import static org.norrlab.importer.ExpectedImport.microamperes;
import static org.norrlab.importer.ExpectedImport.milliamperes;
import static org.norrlab.importer.ExpectedImport.refuses;
import static org.norrlab.importer.ExpectedImport.row;
import static org.norrlab.importer.ExpectedImport.seconds;
import static org.norrlab.importer.ExpectedImport.since;
import static org.norrlab.importer.ExpectedImport.step;
import static org.norrlab.importer.ExpectedImport.volts;
import static org.norrlab.importer.ExpectedImport.vsReference;

/**
 * The proof: every real file in the shared fixtures either imports with every row accounted for and its first
 * and last samples equal to the file's printed numbers, or is refused with a message naming the format and the
 * technique. The expectations were read from the files with sed, awk and python, not with norrlab, and converted by
 * hand (mA and µA to A; times as seconds since the step's first sample where the file's clock runs on). A file added
 * to the folder without an expectation here fails {@link #everyFixtureFileHasAnExpectation()}.
 *
 * <p>{@code // owner's choice:} marks a reading the file alone does not settle (how an importer splits or times a
 * step): the importer's owner may decide otherwise, and then this line is the one to change, with the reason.
 */
@Tag("contract")
class VendorContractTest {
    /** Files in the fixtures folder that are about the fixtures, not instrument output. */
    static final Set<String> NOT_INSTRUMENT_FILES = Set.of("SOURCES.md", ".gitattributes");

    /** The refusal of impedance data norrlab does not read (MethodSCRIPT EIS packages; see docs/import.md). */
    private static final String IMPEDANCE = "impedance";

    static final Map<String, ExpectedImport> EXPECTED = Map.ofEntries(
            // ---- BioLogic EC-Lab .mpt: current in mA; time/s runs on from the technique's start, so each step is
            // rebased to its first sample; rows counted from line 'Nb header lines' + 1 to the end.
            Map.entry("biologic-mpt/yadg_ca.mpt", imports(721, // lines 69-789 (SOURCES.md's "720" is one short)
                    step("ca", 721).heldAt(vsReference("0.300")) // 'Ei (V) 0.300' / 'vs. Ref'
                            .first(ZERO, volts("1.4643160E-001"), milliamperes("1.8604061E-002"))
                            .last(since("1.520742269261391E+005", "1.088742284907824E+005"), volts("2.9859304E-001"),
                                    milliamperes("2.7650740E-006")))),
            Map.entry("biologic-mpt/cheminfo_ca_1h15.mpt", imports(4501, // CRLF, lines 60-4560
                    step("ca", 4501).heldAt(vsReference("-0.400"))
                            .first(ZERO, volts("-3.9180946E-001"), milliamperes("-4.0969043E+000"))
                            .last(since("4.500050691634417E+003", "5.079999871668406E-002"), volts("-3.9974755E-001"),
                                    milliamperes("2.9835263E-003")))),
            // Decimal comma. Header lines 67-70 'Loop k from point number a to b' (0-19, 20-39, 40-59, 60-79): a step
            // per loop, each rebased to its first row. 'Ei (V) 0,000' / 'vs. Emeas' and Emeas is not stated: no set
            // potential, and a note says why.
            Map.entry("biologic-mpt/yadg_ca.issue_149.mpt", imports(80,
                    step("ca", 20).first(ZERO, volts("3,4241872E+000"), milliamperes("9,693702445496222E-003"))
                            .last(since("3,010259923954436E+001", "2,065059947832196E+001"), volts("3,4243207E+000"),
                                    milliamperes("1,105896046475827E-002")),
                    step("ca", 20).first(ZERO, volts("3,4335508E+000"), milliamperes("9,547224525788683E-003"))
                            .last(since("2,305231985610881E+002", "2,210711987998657E+002"), volts("3,4336615E+000"),
                                    milliamperes("1,319525796277199E-002")),
                    step("ca", 20).first(ZERO, volts("3,4388921E+000"), milliamperes("9,386411851541526E-003"))
                            .last(since("4,303337978536583E+002", "4,208817980924359E+002"), volts("3,4389951E+000"),
                                    milliamperes("1,294163771682474E-002")),
                    step("ca", 20).first(ZERO, volts("3,4430401E+000"), milliamperes("9,855054563905064E-003"))
                            .last(since("6,299353971363016E+002", "6,204833973750792E+002"), volts("3,4431317E+000"),
                                    milliamperes("1,332343220587126E-002")))
                    .noting("Emeas")),
            Map.entry("biologic-mpt/yadg_cv.mpt", imports(5103,
                    step("cv", 5103).first(ZERO, volts("2.4807117E+000"), milliamperes("-1.235983972946997E-006"))
                            .last(since("1.496513870154098E+005", "4.320204396882385E+004"), volts("3.1632588E+000"),
                                    milliamperes("6.838552079206513E-004")))),
            Map.entry("biologic-mpt/ixdat_Pt_poly_cv_CUT.mpt", imports(223, // decimal comma; no Ns column: one step
                    step("cv", 223).first(ZERO, volts("8,7869531E-001"), milliamperes("-2,604324994466466E-003"))
                            .last(since("1,518101963525260E+002", "3,289600104471901E+000"), volts("1,5471299E-001"),
                                    milliamperes("1,777131863198953E-002")))),
            Map.entry("biologic-mpt/yadg_cp.issue_61.mpt", imports(312, ecLabCurrentSteps())),
            // Modulo Bat sequences Ns 0 'Rest', 1 'CC', 2 'CC' (the header's ctrl_type row), 11 rows each.
            // owner's choice (accepted by the lead): a Modulo Bat sequence is three steps of kind 'other', not read as
            // ocp + cp + cp from its ctrl_type names; the rest step keeps the I/mA column's 0 as printed.
            Map.entry("biologic-mpt/yadg_mb.issue_95.de.mpt", imports(33,
                    step("other", 11).first(ZERO, volts("2,3278546E+000"), milliamperes("0,0000000E+000"))
                            .last(since("9,999799747383804E+000", "0,000000000000000E+000"), volts("2,3274920E+000"),
                                    milliamperes("0,0000000E+000")),
                    step("other", 11).first(ZERO, volts("2,3308508E+000"), milliamperes("9,9315010E+001"))
                            .last(since("1,999979949476256E+001", "9,999999747378752E+000"), volts("2,3327432E+000"),
                                    milliamperes("1,0001924E+002")),
                    step("other", 11).first(ZERO, volts("2,3316529E+000"), milliamperes("-6,4125290E+001"))
                            .last(since("3,000019924211665E+001", "2,000039949473285E+001"), volts("2,3260789E+000"),
                                    milliamperes("-6,4980278E+001")))),
            Map.entry("biologic-mpt/yadg_ocv.mpt", imports(602, // columns mode, error, time/s, Ewe/V: no current
                    step("ocp", 602).first(ZERO, volts("2.5594452E-001"), ABSENT)
                            .last(since("3.599999995540908E+004", "0.000000000000000E+000"), volts("4.4194466E-001"), ABSENT))),
            // Column spelled <Ewe/V>; header lines 49-52 'Loop k from point number a to b' (0-9, 10-20, 21-31, 32-42):
            // a step per loop, each rebased to its first row.
            Map.entry("biologic-mpt/yadg_ocv.issue_149.mpt", imports(43,
                    step("ocp", 10).first(ZERO, volts("3,4206879E+000"), ABSENT)
                            .last(since("9,999799747383804E+000", "9,999999747378752E-001"), volts("3,4206650E+000"), ABSENT),
                    step("ocp", 11).first(ZERO, volts("3,4372160E+000"), ABSENT)
                            .last(since("2,104203990689275E+002", "2,014195992963068E+002"), volts("3,4314282E+000"), ABSENT),
                    step("ocp", 11).first(ZERO, volts("3,4422569E+000"), ABSENT)
                            .last(since("4,102309983614978E+002", "4,012301985888771E+002"), volts("3,4368458E+000"), ABSENT),
                    step("ocp", 11).first(ZERO, volts("3,4460111E+000"), ABSENT)
                            .last(since("6,098325976441411E+002", "6,008317978715204E+002"), volts("3,4408994E+000"), ABSENT))),
            Map.entry("biologic-mpr/nomadce_kmc3_biologic_CA_example.mpr", refuses("EC-Lab", "export", ".mpt")),

            // ---- Gamry .DTA: Im in A, Vf in V vs Ref.; POTEN '... F' is vs Eref (T would be vs Eoc).
            // CHRONOA (and COLLECTCHRONOA's generator table): one table split by the header's TPRESTEP/TSTEP1/TSTEP2
            // into pre-step (T <= 0), step 1 (0 < T <= TSTEP1) and step 2 (T > TSTEP1), set at VPRESTEP/VSTEP1/VSTEP2
            // (POTEN '... F': vs Eref). The T = 0 row belongs to the pre-step: its Sig column still holds VPRESTEP in
            // every file, and Sig changes from the next row on. Time counts from each step's stated start: the
            // pre-step's is T + TPRESTEP (since(T, "-TPRESTEP")), step 1 keeps T, step 2 is T - TSTEP1.
            // owner's choice (accepted by the lead): the row at T = TSTEP1 closes step 1.
            Map.entry("gamry-dta/nomadce_CHRONOA.DTA", imports(1050, // TPRESTEP 0.5 s, TSTEP1 5 s
                    step("ca", 50).heldAt(vsReference("0.00000E+000")) // Pt 0-49, T -0.49 .. 0
                            .first(since("-0.49", "-5.00000E-001"), volts("1.47992E-003"), amperes("-5.47776E-004"))
                            .last(since("0", "-5.00000E-001"), volts("4.82967E-004"), amperes("-2.05678E-004")),
                    step("ca", 500).heldAt(vsReference("1.00000E-001")) // Pt 50-549, T 0.01 .. 5
                            .first(seconds("0.01"), volts("1.00493E-001"), amperes("1.09289E-003"))
                            .last(seconds("5"), volts("1.00252E-001"), amperes("5.39658E-007")),
                    step("ca", 500).heldAt(vsReference("2.00000E-001")) // Pt 550-1049, T 5.01 .. 10
                            .first(since("5.01", "5.00000E+000"), volts("2.00219E-001"), amperes("1.09389E-006"))
                            .last(since("10", "5.00000E+000"), volts("2.00236E-001"), amperes("7.75052E-006")))),
            Map.entry("gamry-dta/nomadce_230531-CA-test2_decimalcomma.DTA", imports(105, // TPRESTEP 0,5 s, TSTEP1 5 s
                    step("ca", 5).heldAt(vsReference("0,00000E+000")) // Pt 0-4, T -0,4 .. 0
                            .first(since("-0,4", "-5,00000E-001"), volts("-2,71300E-004"), amperes("-9,19035E-008"))
                            .last(since("0", "-5,00000E-001"), volts("-1,84200E-004"), amperes("-1,55855E-007")),
                    step("ca", 50).heldAt(vsReference("5,00000E-001")) // Pt 5-54, T 0,1 .. 5
                            .first(seconds("0,1"), volts("4,98515E-001"), amperes("6,55364E-007"))
                            .last(seconds("5"), volts("4,99656E-001"), amperes("2,50157E-004")),
                    step("ca", 50).heldAt(vsReference("1,00000E-001")) // Pt 55-104, T 5,1 .. 10
                            .first(since("5,1", "5,00000E+000"), volts("9,97283E-002"), amperes("4,99543E-005"))
                            .last(since("10", "5,00000E+000"), volts("9,97243E-002"), amperes("4,99598E-005")))),
            // COLLECTCHRONOA holds two tables of 105 rows: CURVE GENERATOR (the working electrode) is read as the three
            // CA steps. owner's choice (accepted by the lead): CURVE DETECTOR (the ring at VRING) is left out, a note
            // naming its 105 rows.
            Map.entry("gamry-dta/nomadce_3stepCACA.DTA", imports(210, // TPRESTEP 0.5 s, TSTEP1 5 s
                    step("ca", 5).heldAt(vsReference("0.00000E+000")) // T -0.4 .. 0
                            .first(since("-0.4", "-5.00000E-001"), volts("2.92530E-004"), amperes("-1.62485E-005"))
                            .last(since("0", "-5.00000E-001"), volts("2.46936E-004"), amperes("-1.57653E-005")),
                    step("ca", 50).heldAt(vsReference("1.00000E-001")) // T 0.1 .. 5
                            .first(seconds("0.1"), volts("3.29059E-002"), amperes("1.76299E-004"))
                            .last(seconds("5"), volts("1.00255E-001"), amperes("3.80341E-006")),
                    step("ca", 50).heldAt(vsReference("2.00000E-001")) // T 5.1 .. 10
                            .first(since("5.1", "5.00000E+000"), volts("2.00246E-001"), amperes("2.09165E-004"))
                            .last(since("10", "5.00000E+000"), volts("2.00248E-001"), amperes("8.66542E-006")))
                    .dropping(105)),
            // 10 rows present, 'CURVE TABLE 5258' declared (a note says so). TPRESTEP 0.5 s, TSTEP1 30 s, TSTEP2 1e6 s,
            // VSTEP1 = VSTEP2 = 0.5 V, no T < 0 row: the pre-step is the T = 0 row alone, step 1 the T = 30 row and
            // step 2 the rows T = 60 .. 270 (the split follows the header even where the potential does not change).
            Map.entry("gamry-dta/gamryparser_chronoa_data.dta", imports(10,
                    step("ca", 1).heldAt(vsReference("0.00000E+000"))
                            .first(since("0", "-5.00000E-001"), volts("-5.40000E-004"), amperes("-2.34197E-008"))
                            .last(since("0", "-5.00000E-001"), volts("-5.40000E-004"), amperes("-2.34197E-008")),
                    step("ca", 1).heldAt(vsReference("5.00000E-001"))
                            .first(seconds("30"), volts("4.99669E-001"), amperes("1.40441E-008"))
                            .last(seconds("30"), volts("4.99669E-001"), amperes("1.40441E-008")),
                    step("ca", 8).heldAt(vsReference("5.00000E-001"))
                            .first(since("60", "3.00000E+001"), volts("4.99668E-001"), amperes("9.32775E-009"))
                            .last(since("270", "3.00000E+001"), volts("4.00000E-001"), amperes("3.00000E-009")))
                    .noting("5258")),
            Map.entry("gamry-dta/gamryparser_chronoa_de_data.dta", imports(10,
                    step("ca", 1).heldAt(vsReference("0,00000E+000"))
                            .first(since("0", "-5,00000E-001"), volts("-5,00000E-004"), amperes("-2,00000E-008"))
                            .last(since("0", "-5,00000E-001"), volts("-5,00000E-004"), amperes("-2,00000E-008")),
                    step("ca", 1).heldAt(vsReference("5,00000E-001"))
                            .first(seconds("30"), volts("4,99669E-001"), amperes("1,40441E-008"))
                            .last(seconds("30"), volts("4,99669E-001"), amperes("1,40441E-008")),
                    step("ca", 8).heldAt(vsReference("5,00000E-001"))
                            .first(since("60", "3,00000E+001"), volts("4,99668E-001"), amperes("9,32775E-009"))
                            .last(since("270", "3,00000E+001"), volts("4,00000E-001"), amperes("3,00000E-009")))
                    .noting("5258")),
            Map.entry("gamry-dta/shepard_Chronopot_0A_decimalcomma.DTA", imports(121, // CHRONOP, ISTEP1 0 A
                    step("cp", 121).first(ZERO, volts("1,57964E+000"), amperes("-3,41116E-002"))
                            .last(seconds("120"), volts("5,34215E-001"), amperes("-3,34522E-002")))),
            // owner's choice: CORPOT's table starts at T = 0,11 s; rebased to its first sample like every Gamry table.
            Map.entry("gamry-dta/shepard_OCP_1_decimalcomma.DTA", imports(545,
                    step("ocp", 545).first(ZERO, volts("-5,63428E-003"), ABSENT)
                            .last(since("59,95", "0,11"), volts("-5,22146E-003"), ABSENT))),
            // CV: its CURVEn tables are the cycles of one step, time rebased to the first table's first T (the
            // tables' first and last rows in between are checked in SweepImportTest and GamryImportTest).
            Map.entry("gamry-dta/gamryjl_AAP1_24_PhOx2_CV.DTA", imports(2801,
                    gamryCurve(2801, "0.5", "5.00318E-001", "1.66142E-007", "1400.5", "5.00327E-001", "-4.21129E-006"))),
            Map.entry("gamry-dta/gamryparser_cv_data.dta", imports(50,
                    gamryCurve(50, "0.1", "4.9E-001", "7.80498E-009", "601.1", "8.89001E-001", "2.62272E-007"))),
            Map.entry("gamry-dta/maxtenenbaum_20240321_C_GM0016_HL03_E01_CV50.DTA", imports(1160,
                    step("ocp", 39).first(ZERO, volts("1.47195E-001"), ABSENT) // OCVCURVE: Vf, no Im
                            .last(since("10.075", "0.258333"), volts("1.58092E-001"), ABSENT),
                    gamryCurve(1121, "0.2", "1.58214E-001", "7.01007E-012", "224.2", "1.60214E-001", "-1.44996E-010"))),
            // EISPOT: OCVCURVE TABLE 387 (lines 23-409) an ocp step; ZCURVE (lines 449-520, Pt 0-71) the eis step at
            // VDC -5.00000E-002 'T' (vs Eoc) + EOC -0.2919803 = -0.3419803 V vs Ref. Zimag is Z'' as measured (Gamry's
            // help: "For a capacitor, Zimag and Zphz are negative"). OCV time rebased to its first T (0.258333).
            Map.entry("gamry-dta/impedancepy_exampleDataGamry_EIS.DTA", imports(387 + 72,
                    step("ocp", 387).first(ZERO, volts("-3.46699E-001"), ABSENT)
                            .last(since("99.975", "0.258333"), volts("-2.91980E-001"), ABSENT),
                    step("eis", 0).heldAt(computed(-0.05 + -0.2919803))
                            .spectrum(72, row("200015.6", "825.8584", "-1367.239"), row("0.0158898", "17007.49", "-6635.557")))),

            // ---- CH Instruments: SI units; 4 significant digits. Amperometric/CA time counts from the step's start
            // (first row at one sample interval). CV/LSV rows have no time: it follows from Sample Interval (V) /
            // Scan Rate (V/s). owner's choice: the first stored row at t = 0, then one interval per row.
            Map.entry("chi/nomadce_CV-1T.txt", imports(1400, // 0.001 V / 0.04 V/s = 0.025 s per row
                    step("cv", 1400).first(ZERO, volts("-0.500"), amperes("-4.214e-4"))
                            .last(computed(1399 * 0.025), volts("-0.499"), amperes("-4.127e-4")))),
            Map.entry("chi/d3tales_01_GC_WE_Pt_RE_Pt_CE_10_mM_ferricyanide_in_100_mM_KCl_20_mV_scan_rate.csv",
                    imports(6000, // 0.001 V / 0.02 V/s = 0.05 s per row
                            step("cv", 6000).first(ZERO, volts("-0.500"), amperes("-5.780e-5"))
                                    .last(computed(5999 * 0.05), volts("-0.499"), amperes("-3.183e-5")))),
            Map.entry("chi/d3tales_CV_microelectrode.csv", imports(1600, // 0.001 V / 0.01 V/s = 0.1 s per row
                    step("cv", 1600).first(ZERO, volts("0.000"), amperes("1.100e-9"))
                            .last(computed(1599 * 0.1), volts("0.001"), amperes("9.904e-10")))),
            Map.entry("chi/nomadce_LSV.txt", imports(500, // 0.001 V / 0.005 V/s = 0.2 s per row
                    step("lsv", 500).first(ZERO, volts("-0.200"), amperes("8.053e-6"))
                            .last(computed(499 * 0.2), volts("-0.699"), amperes("-3.679e-3")))),
            // Chronoamperometry: Init E 0, Init P/N = P, Step = 200, Pulse Width 1e-4 s, Sample Interval 1e-6 s:
            // 200 pulses of 100 rows (20000 rows, 1.000e-6 .. 2.000e-2 s), High E first then alternating with Low E.
            // The current jumps between rows 100 and 101 (bicon: -3.375e-4 then -2.375e-5), which confirms the split.
            // Bicon's Charge/C after pulse 1 is -3.513e-8 C (cathodic if the file's current is IUPAC), so either CHI
            // writes anodic current negative here or P starts at Low E: the file does not say which pulse held which.
            // owner's choice (accepted by the lead): one CA step per pulse, each timed from its pulse's start, and no
            // set potential while High E != Low E (0.025/-0.025 V in 0.01_n_kcl and bicon, 0.001/-0.001 V in std-2),
            // with a note saying the file does not state each pulse's set potential (the service asks for --potential).
            Map.entry("chi/d3tales_0.01_n_kcl.csv", imports(20000, chiPulses(
                    "2.754e-2", "2.755e-2", "2.755e-2", "2.755e-2")).noting("does not state each pulse's set potential")),
            Map.entry("chi/d3tales_0p1_M_KCl-bicon.csv", imports(20000, chiPulses( // CR CR LF
                    "-1.454e-4", "-3.375e-4", "-3.427e-5", "3.524e-4")).noting("does not state each pulse's set potential")),
            Map.entry("chi/d3tales_10_mS_cm_std-2.csv", imports(20000, chiPulses(
                    "-6.083e-4", "-2.244e-3", "-1.613e-3", "4.133e-4")).noting("does not state each pulse's set potential")),
            // A.C. Impedance: one eis step at Init E; Z" signed as measured (SOURCES.md), rows after 'Freq/Hz, …'.
            Map.entry("chi/nomadce_EIS_-0,48_V.txt", imports(73, // lines 18-90, CRLF
                    step("eis", 0).heldAt(vsReference("-0.48"))
                            .spectrum(73, row("9.990e+5", "1.780e+0", "1.567e-1"), row("1.000e+0", "4.495e+2", "-7.638e+1")))),
            Map.entry("chi/impedancepy_exampleDataCHInstruments.txt", imports(73, // lines 19-91
                    step("eis", 0).heldAt(vsReference("0"))
                            .spectrum(73, row("9.961e+4", "9.891e+1", "-2.748e+0"), row("1.000e-1", "5.685e+3", "-1.586e+4")))),

            // ---- PSTrace CSV (UTF-16LE, CRLF): time counts from the measurement's start; µA; 15 significant digits.
            Map.entry("pstrace-csv/proespm_PS241105-2_1_ca.csv", imports(36001, // 's,µA': no potential column
                    step("ca", 36001).first(seconds("0"), ABSENT, microamperes("0.000538253458216786"))
                            .last(seconds("3600"), ABSENT, microamperes("-1.03307247627527E-05")))),
            Map.entry("pstrace-csv/proespm_PS241105-1_1_cp.csv", imports(401, // 's,V': no current column
                    step("cp", 401).first(seconds("0"), volts("-5.6463885307312"), ABSENT)
                            .last(seconds("400"), volts("-5.7415452003479"), ABSENT))),
            // Five scans side by side, 160 rows each. The file has no time and no scan rate: refused (issue 20), as a
            // row number for a time would make dE/d(row) a scan rate; the .pssession of the measurement carries it.
            Map.entry("pstrace-csv/proespm_PS241105-3_1_cv5.csv", refuses("PSTrace CSV", "Cyclic Voltammetry",
                    "no time column", "no scan rate", ".pssession")),

            // ---- PalmSens .pssession (UTF-16LE JSON): current arrays in µA (PalmSens.Units.MicroAmpere).
            // owner's choice: sample E from the 'potential' array (the set value) rather than 'Measured WE potential';
            // the CA step's set potential from the method's E=0.0000000E+000 (vs RE: OCP_MODE=0, no offset).
            Map.entry("palmsens-pssession/EN_1Hz_3600s_amperometric.pssession", imports(3601,
                    step("ca", 3601).heldAt(vsReference("0.0000000E+000"))
                            .first(json("0.0", 1), json("0.0", 1), json("-0.0037887380000000003", 1e-6))
                            .last(json("3600.0", 1), json("0.0", 1), json("-0.0039207190000000005", 1e-6)))),
            Map.entry("palmsens-pssession/nomadce_palmsens_ca.pssession", imports(101,
                    step("ca", 101).heldAt(vsReference("0.0000000E+000"))
                            .first(json("0.0", 1), json("3.910064697265625E-05", 1), json("1.7881393432617188", 1e-6))
                            .last(json("10.0", 1), json("3.910064697265625E-05", 1), json("0.10731267929077148", 1e-6)))),
            Map.entry("palmsens-pssession/cv_1scan.pssession", imports(41,
                    step("cv", 41).first(json("0.0", 1), json("-0.499971", 1), json("-48.536196", 1e-6))
                            .last(json("3.9997758865356445", 1), json("-0.499971", 1), json("-47.31024", 1e-6)))),
            // Three scans (40 + 40 + 41 points), one time array of 40 values for scan 1 only: the cycles of one step.
            // owner's choice: the time of scans 2 and 3 (not in the file) is not checked here (PalmSensImporterTest does).
            Map.entry("palmsens-pssession/sdk_cv_3scan.pssession", imports(121,
                    step("cv", 121).first(json("0.0", 1), json("-0.499971", 1), json("-48.536196", 1e-6))
                            .last(ANY, json("-0.499971", 1), json("-47.31024", 1e-6)))),
            // PSTrace 5.8, lower-case keys; 198 points only in 'curves', no time array (E_STEP 5 mV at 0.5 V/s).
            // owner's choice: the time (not in the file) is not checked.
            Map.entry("palmsens-pssession/sdk_PSNoiseTest_lsv.pssession", imports(198,
                    step("lsv", 198).first(ANY, json("-5.00026e-001", 1), json("-2.55432e-003", 1e-6))
                            .last(ANY, json("4.98337e-001", 1), json("3.71704e-003", 1e-6)))),
            // EIS: 50 values per array; ZIm's unit names its quantity "-Z''", so Z'' = -ZIm. No DC level stated plainly.
            Map.entry("palmsens-pssession/sdk_BatteryCurve_eis.pssession", imports(50,
                    step("eis", 0).spectrum(50, new ExpectedImport.Point(json("12500.0", 1), json("0.825207", 1),
                            json("-0.129783", 1)), new ExpectedImport.Point(json("0.1", 1), json("58.2055", 1),
                            json("-13.9544", 1))))),

            // ---- MethodSCRIPT device output: 28-bit hex minus 2^27, times the SI prefix (decoded by hand in python).
            Map.entry("methodscript/example_CA.mscr", refuses("MethodSCRIPT", "script")), // what the host sends
            // An LSV whose packages have no 'eb' time variable and no scan rate: refused (issue 20), as sample numbers
            // for times would make dE/d(number) a scan rate.
            Map.entry("methodscript/lsv_dummy10k_response.txt", refuses("MethodSCRIPT", "lsv", "no time (eb)",
                    "no scan rate")),
            // Four unrelated packets (LSV, EIS, CV, current-only) with no end marker. Line 2 'PdcDF5DFF4u;cc…;cd…'
            // is an EIS data line (dc frequency, cc Z', cd Z''): refused as impedance, never a time series.
            Map.entry("methodscript/single_packets.txt", refuses("MethodSCRIPT", "EIS", IMPEDANCE)),

            // ---- Rodeostat: no header, 't, V, I' with I in µA; time already from the test's start (first row one
            // interval in). owner's choice: kind 'other' (the file does not name its test), no set potential.
            Map.entry("rodeostat/const_test_data.txt", imports(2000,
                    step("other", 2000).first(seconds("0.005"), volts("0.0000"), microamperes("0.3667"))
                            .last(seconds("10.000"), volts("0.7000"), microamperes("14.3461")))),
            Map.entry("rodeostat/cyclic_test_data.txt", imports(500,
                    step("other", 500).first(seconds("0.010"), volts("-0.1000"), microamperes("-1.6828"))
                            .last(seconds("5.000"), volts("-0.1000"), microamperes("-1.6887")))),

            // ---- Impedance in other formats: eis steps, Z'' as the file writes it (as measured).
            Map.entry("autolab/impedancepy_exampleDataAutolab.txt", imports(41, // line 10 '41'; rows on lines 12-52
                    step("eis", 0).spectrum(41, row("10000", "0.013785863964281", "0.007191946305823"),
                            row("0.1", "0.0345697771923854", "-0.00390292888845954")))),
            // primary_data: Z', Z'', frequency. 'Technique=Constant I' (galvanostatic): no DC potential stated.
            Map.entry("ivium/impedancepy_exampleDataIvium.idf", imports(26,
                    step("eis", 0).spectrum(26, row("1.00000E+05", "1.37548E+01", "-1.87976E+00"),
                            row("1.00000E+00", "9.28463E+01", "-1.67393E+01")))),
            // 'Technique=Constant E', 'E start=0' with 'Apply wrt OCP.Estart wrt OCP=false': DC 0 V vs the reference
            Map.entry("ivium/pyvium_eis_test.idf", imports(64,
                    step("eis", 0).heldAt(vsReference("0"))
                            .spectrum(64, row("1.00000E+05", "1.94593E+04", "-5.47461E+05"),
                                    row("5.01187E-02", "1.52745E+09", "-1.34181E+07")))),
            // an open cell: 'E start=0' with 'Apply wrt OCP.Estart wrt OCP=true' is at open circuit, no DC potential
            Map.entry("ivium/pyvium_test_open.idf", imports(34,
                    step("eis", 0).spectrum(34, row("1.00000E+05", "4.78647E+03", "-3.05419E+04"),
                            row("9.00000E-01", "-1.74446E+08", "1.46519E+07")))));

    /** Ns 0-10 of the 12 declared current steps (Is 0.250 A, 0.500 A, …): 31 rows each at 1 s, the last only 2. */
    private static Step[] ecLabCurrentSteps() {
        String[][] rows = {
                {"1.557303214959975E+003", "1.6626049E+000", "2.4974144E+002", "1.586304814227333E+003", "1.6665083E+000", "2.5073457E+002"},
                {"1.587304814202071E+003", "1.7358052E+000", "4.9978284E+002", "1.616305013469464E+003", "1.7391620E+000", "5.0050858E+002"},
                {"1.617305013444202E+003", "1.7840997E+000", "7.5142859E+002", "1.646305212711595E+003", "1.7844270E+000", "7.5032086E+002"},
                {"1.647305212686333E+003", "1.8209952E+000", "9.9887250E+002", "1.676305411953726E+003", "1.8222134E+000", "9.9948370E+002"},
                {"1.677305411928464E+003", "1.8834749E+000", "1.5008270E+003", "1.706305611195858E+003", "1.8847328E+000", "1.5009417E+003"},
                {"1.707305611170596E+003", "1.9392639E+000", "2.0006042E+003", "1.736305810437989E+003", "1.9405824E+000", "1.9997256E+003"},
                {"1.737305810412727E+003", "1.9907448E+000", "2.5009160E+003", "1.766306009680120E+003", "1.9913154E+000", "2.4999995E+003"},
                {"1.767306009654858E+003", "2.0402448E+000", "2.9992419E+003", "1.796306208922251E+003", "2.0417926E+000", "2.9986309E+003"},
                {"1.797306208896989E+003", "2.0894039E+000", "3.4997832E+003", "1.826306408164382E+003", "2.0905910E+000", "3.4995542E+003"},
                {"1.827306408139120E+003", "2.1401844E+000", "3.9993691E+003", "1.856306607406514E+003", "2.1502104E+000", "4.0002861E+003"},
                {"1.856332407405862E+003", "2.1988628E+000", "4.4999487E+003", "1.856332607405857E+003", "2.2000198E+000", "4.5004067E+003"}};
        Step[] steps = new Step[rows.length];
        for (int ns = 0; ns < rows.length; ns++) {
            String[] r = rows[ns];
            steps[ns] = step("cp", ns < 10 ? 31 : 2).first(ZERO, volts(r[1]), milliamperes(r[2]))
                    .last(since(r[3], r[0]), volts(r[4]), milliamperes(r[5]));
        }
        return steps;
    }

    /** A Gamry CV (its CURVEn tables): its first and last rows as printed (T, Vf, Im), T rebased to the first. */
    private static Step gamryCurve(int rows, String firstT, String firstVf, String firstIm, String lastT, String lastVf,
                                   String lastIm) {
        return step("cv", rows).first(ZERO, volts(firstVf), amperes(firstIm))
                .last(since(lastT, firstT), volts(lastVf), amperes(lastIm));
    }

    /**
     * CHI Chronoamperometry with Step = 200, Pulse Width 1e-4 s, Sample Interval 1e-6 s: pulse k holds rows
     * 100(k-1)+1 … 100k, timed from its pulse's start (the file's time minus (k-1)·1e-4 s), with no set potential
     * (High E and Low E differ and the file does not say which pulse held which). Rows 1, 100, 19901 and 20000 as
     * printed ('1.000e-6', '1.000e-4', '1.990e-2', '2.000e-2'); the file has no potential column.
     */
    private static Step[] chiPulses(String row1Current, String row100Current, String row19901Current,
                                    String row20000Current) {
        Step[] pulses = IntStream.rangeClosed(1, 200).mapToObj(k -> step("ca", 100)).toArray(Step[]::new);
        Reading lastPulseStart = computed(199 * 1e-4);
        pulses[0] = pulses[0].first(seconds("1.000e-6"), ABSENT, amperes(row1Current))
                .last(seconds("1.000e-4"), ABSENT, amperes(row100Current));
        pulses[199] = pulses[199].first(seconds("1.990e-2").minus(lastPulseStart), ABSENT, amperes(row19901Current))
                .last(seconds("2.000e-2").minus(lastPulseStart), ABSENT, amperes(row20000Current));
        return pulses;
    }

    /** The instrument files in the fixtures folder, as paths relative to it with '/' separators. */
    static List<String> fixtureFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !NOT_INSTRUMENT_FILES.contains(f.getFileName().toString()))
                    .map(f -> folder.relativize(f).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyFixtureFileHasAnExpectation() {
        List<String> files = fixtureFiles(SharedFixtures.vendor());
        Set<String> unexpected = new TreeSet<>(files);
        unexpected.removeAll(EXPECTED.keySet());
        Set<String> gone = new TreeSet<>(EXPECTED.keySet());
        files.forEach(gone::remove);
        assertThat(unexpected).as("fixture files without an expectation in VendorContractTest.EXPECTED: read each one"
                + " independently (sed/awk/python) and add what it must import to, or how it must be refused").isEmpty();
        assertThat(gone).as("expectations for files no longer in the fixtures folder (renamed or removed?)").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureFileImportsAsReadByHandOrIsRefusedClearly() {
        Path folder = SharedFixtures.vendor();
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : fixtureFiles(folder)) {
            ExpectedImport expected = EXPECTED.get(name);
            if (expected == null) {
                continue; // reported by everyFixtureFileHasAnExpectation
            }
            tests.add(DynamicTest.dynamicTest(name, () -> {
                SoftAssertions soft = new SoftAssertions();
                expected.verify(folder.resolve(name), soft);
                if (!soft.errorsCollected().isEmpty()) {
                    // the report names the file, so a lead reading surefire's text sees which one at once
                    throw new AssertionError(name + ": " + soft.errorsCollected().size() + " difference(s) from the"
                            + " hand reading:\n" + String.join("\n", soft.errorsCollected().stream()
                            .map(Throwable::getMessage).toList()));
                }
            }));
        }
        return tests.stream();
    }

    /** Guards the table itself: a printed value's tolerance is half a unit in its last digit. */
    @Test
    void aPrintedValueIsKnownToHalfAUnitInItsLastDigit() {
        assertThat(amperes("1.000e-6").tolerance()).isCloseTo(5e-10, within(1e-17));
        assertThat(milliamperes("1.8604061E-002").value()).isCloseTo(1.8604061e-5, within(1e-20));
        assertThat(milliamperes("1.8604061E-002").tolerance()).isCloseTo(5e-13, within(1e-16)); // 5e-10 mA
        assertThat(volts("0,000").tolerance()).isEqualTo(5e-4);
        assertThat(since("10", "5,1").value()).isCloseTo(4.9, within(1e-12));
    }
}
