package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plan} (and so {@code run}, which makes the same check before the session starts) refuses a step the
 * instrument's driver would refuse before sending it, in the driver's own words, naming the step, its file:line and the
 * instrument: a Rodeostat CV whose step needs a sample period that is not whole milliseconds, a CP step on the EmStat Pico.
 */
class DriverRefusalPlanCliTest {
    private static final Path STUDY = Fixtures.HOME.resolve("protocols/norr-study.yaml");

    @TempDir
    Path dir;

    private CliRunner.Result norrlab(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--home", Fixtures.HOME.toString(), "--db",
                dir.resolve("plan.db").toString())).toArray(String[]::new);
        return CliRunner.norrlab(all);
    }

    private Path cv(String scanRate) throws IOException {
        Path protocol = dir.resolve("rodeo-" + scanRate.replaceAll("[^0-9]", "") + ".yaml");
        Files.writeString(protocol, """
                steps:
                  - ca: {potential: 0.35 V vs RHE, duration: 10 s, interval: 1 s}
                  - cv: {label: C_dl, begin: 0.35 V vs RHE, vertex1: 0.40 V vs RHE, vertex2: 0.30 V vs RHE, cycles: 3, scan_rate: %s, step: 1 mV}
                """.formatted(scanRate));
        return protocol;
    }

    @Test
    void aRodeostatCvWhoseSamplePeriodIsNotWholeMillisecondsIsRefusedAtPlanTime() throws IOException {
        Path protocol = cv("60 mV/s");
        CliRunner.Result plan = norrlab("plan", protocol.toString(), "--instrument", "rodeostat");
        assertThat(plan.exitCode()).as(plan.out()).isEqualTo(ExitCodes.BAD_INPUT);
        // 1 mV / 60 mV/s = 16.667 ms a sample; the allowed steps are 60 mV/s × 1 ms = 0.06 mV to 60 mV/s × 1000 ms = 0.06 V
        assertThat(plan.err()).contains("Bad input: the protocol cannot run on rodeostat:\n  step 2 (C_dl, " + protocol
                + ":3:5) on rodeostat: the Rodeostat samples every 1 to 1000 whole milliseconds: a step of 0.001 V at"
                + " 0.06 V/s needs one sample every 16.667 ms; choose a step between 0.00006 V and 0.06 V that is the scan"
                + " rate times a whole number of milliseconds (within 1 %)");
        assertThat(plan.err()).doesNotContain("step 1 ");
    }

    @Test
    void aRodeostatCvSampledEveryWholeMillisecondsPasses() throws IOException {
        // 1 mV / 50 mV/s = 20 ms a sample; a cycle 2 × 0.1 V / 0.05 V/s = 4000 ms
        CliRunner.Result plan = norrlab("plan", cv("50 mV/s").toString(), "--instrument", "rodeostat");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
    }

    @Test
    void theStudyOnARodeostatNamesTheCdlCvsItCannotSample() {
        CliRunner.Result plan = norrlab("plan", STUDY.toString(), "--instrument", "rodeostat");
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        // C_dl CVs, 1 mV steps: 10, 20, 40 mV/s sample every 100, 50, 25 ms (whole); 60 mV/s every 16.667 ms and
        // 80 mV/s every 12.5 ms (rounding to 13 ms moves the step by 4 % > 1 %). Every cycle (2 × 0.1 V) takes whole ms:
        // 20000, 10000, 5000, 3333.3 (-0.01 % < 0.1 %), 2500 ms. The LSVs (2 mV at 5 mV/s: 400 ms) pass; the holds have
        // the cell off and ask nothing of the instrument; the OCP rest is refused (the Rodeostat has no open circuit), and
        // so is the EIS step (no AC excitation), naming 'ru set' for an R_u measured elsewhere.
        String where = ", " + STUDY + ":";
        assertThat(plan.err().lines().filter(line -> line.startsWith("  step"))).containsExactly(
                "  step 1 (OCP rest" + where + "91:5) on rodeostat: the Rodeostat cannot record an open-circuit potential"
                        + " (it cannot disconnect the counter electrode during a test); remove the ocp step from the protocol",
                "  step 6 (C_dl 60 mV/s" + where + "112:5) on rodeostat: the Rodeostat samples every 1 to 1000 whole"
                        + " milliseconds: a step of 0.001 V at 0.06 V/s needs one sample every 16.667 ms; choose a step"
                        + " between 0.00006 V and 0.06 V that is the scan rate times a whole number of milliseconds (within 1 %)",
                "  step 7 (C_dl 80 mV/s" + where + "113:5) on rodeostat: the Rodeostat samples every 1 to 1000 whole"
                        + " milliseconds: a step of 0.001 V at 0.08 V/s needs one sample every 12.500 ms; choose a step"
                        + " between 0.00008 V and 0.08 V that is the scan rate times a whole number of milliseconds (within 1 %)",
                "  step 11 (EIS for R_u" + where + "153:5) on rodeostat: the Rodeostat (rodeostat) cannot measure impedance:"
                        + " its firmware sets DC potentials and reads DC currents only, with no AC excitation or frequency"
                        + " response; run the eis step on an instrument whose profile lists eis under techniques, or enter"
                        + " R_u measured elsewhere with 'norrlab ru set'");
    }

    @Test
    void aCpStepOnTheEmStatPicoIsRefusedAtPlanTimeInTheDriversWords() throws IOException {
        Path protocol = dir.resolve("cp.yaml");
        Files.writeString(protocol, """
                steps:
                  - cp: {current: -1 mA, duration: 1 min, interval: 1 s}
                """);
        CliRunner.Result plan = norrlab("plan", protocol.toString(), "--instrument", "emstat-pico");
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(plan.err()).contains("  step 1 (CP at -1 mA, " + protocol + ":2:5) on emstat-pico: emstat-pico cannot"
                + " hold a current and record the potential (chronopotentiometry): its profile does not list 'cp' under"
                + " techniques (PalmSens documents meas_loop_cp for the EmStat4 and Nexus, not for the EmStat Pico)");
    }
}
