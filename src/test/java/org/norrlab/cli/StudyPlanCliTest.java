package org.norrlab.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plan} of protocols/norr-study.yaml (every step with its duration, potentials, scan rate or amplitude and
 * frequencies, and gas, the total
 * against a hand calculation), on the simulator and on the EmStat profiles, and a step the instrument cannot run
 * refused before anything starts. The profiles are copies in a temporary home that list the sweep techniques, so the
 * test does not depend on which shipped profiles list them yet.
 */
class StudyPlanCliTest {
    private static final Path STUDY = Fixtures.HOME.resolve("protocols/norr-study.yaml");

    @TempDir
    Path home;

    @BeforeEach
    void copyTheHomeWithProfilesThatListTheirTechniques() throws IOException {
        copyTree(Fixtures.HOME.resolve("config"), home.resolve("config"));
        copyTree(Fixtures.HOME.resolve("drivers"), home.resolve("drivers"));
        withTechniques("sim", "sim-sweeps", "[ca, ocp, lsv, cv, cp, eis]");
        withTechniques("sim", "sim-no-cp", "[ca, ocp, lsv, cv]");
        withTechniques("emstat-pico", "emstat-pico-sweeps", "[ca, ocp, lsv, cv, eis]");
        withTechniques("emstat4-lr", "emstat4-lr-sweeps", "[ca, ocp, lsv, cv, eis]");
    }

    /** A copy of drivers/{from}.yaml as drivers/{to}.yaml that lists {@code techniques} (replacing its own list). */
    private void withTechniques(String from, String to, String techniques) throws IOException {
        String text = Files.readString(home.resolve("drivers/" + from + ".yaml"))
                .replaceAll("(?m)^techniques:.*\\n", "");
        Files.writeString(home.resolve("drivers/" + to + ".yaml"), text + "\ntechniques: " + techniques + "\n");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(file -> {
                try {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private CliRunner.Result norrlab(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--home", home.toString(), "--db",
                home.resolve("study.db").toString())).toArray(String[]::new);
        return CliRunner.norrlab(all);
    }

    @Test
    void planShowsEveryStepOfTheStudyWithDurationPotentialsScanRateAndGas() {
        CliRunner.Result plan = norrlab("plan", STUDY.toString(), "--instrument", "sim-sweeps");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        String out = plan.out();
        // header, then one row per step; E vs RE = E vs RHE - 0.6111 V (Ag/AgCl sat. KCl, pH 7)
        assertThat(out).contains("step  kind                        E vs RHE (V)                            E vs RE (V)"
                + "        duration   interval  samples  range          scan rate / current  gas  line\n");
        assertThat(out).contains("   1   ocp                                   —                                      —"
                + "          10 min        1 s      600      —                            —   Ar    91\n");
        // activation: 0.2 → -0.5 → 0.3 → 0.2 is 1.6 V a cycle, 20 cycles at 0.1 V/s = 320 s; 32 V / 5 mV = 6400 steps
        // and the begin point: 6401 points (a sweep's points include both ends)
        assertThat(out).contains("   2    cv  0.200 → -0.500 → 0.300 → 0.200 ×20  -0.411 → -1.111 → -0.311 → -0.411 ×20"
                + "      5 min 20 s      50 ms     6401   auto          100 mV/s, step 5 mV   Ar    97\n");
        // C_dl at 60 mV/s: 3 cycles of 0.2 V = 0.6 V / 0.06 V/s = 10 s; 1 mV / 60 mV/s = 16.667 ms; 0.6 V / 1 mV = 600
        // steps, 601 points
        assertThat(out).contains("   6    cv    0.350 → 0.400 → 0.300 → 0.350 ×3   -0.261 → -0.211 → -0.311 → -0.261 ×3"
                + "            10 s  16.667 ms      601   auto           60 mV/s, step 1 mV   Ar   112\n");
        // LSV: 0.3 → -0.8 V is 1.1 V at 5 mV/s = 220 s, 550 steps of 2 mV, 551 points; under Ar, after the hold under NO
        assertThat(out).contains("   8   lsv                      0.300 → -0.800                        -0.311 → -1.411"
                + "      3 min 40 s     400 ms      551   auto            5 mV/s, step 2 mV   Ar   121\n");
        assertThat(out).contains("   9  hold                                   —                                      —"
                + "           ≤ 1 h          —        0      —                            —    —   131\n");
        assertThat(out).contains("  10   lsv                      0.300 → -0.800                        -0.311 → -1.411"
                + "      3 min 40 s     400 ms      551   auto            5 mV/s, step 2 mV   NO   138\n");
        // EIS at -0.4 V vs RHE (-1.011 V vs RE): 100 kHz → 0.1 Hz is 6 decades, 10 per decade: 61 points, each
        // 0.5 s + 3 / f: 61 × 0.5 s = 30.5 s, + 3 × Σ 1/f with 1/f_k = 10^(k/10 - 5) s, k = 0 .. 60, a geometric series
        // Σ = 10 s × (1 - 10^-6.1) / (1 - 10^-0.1) = 48.621 s, so 145.863 s; together 176.363 s = 2 min 56.4 s. The
        // slowest point, 0.1 Hz: 0.5 + 30 = 30.5 s
        assertThat(out).contains("  11   eis                              -0.400                                 -1.011"
                + "  ≤ 2 min 56.4 s   ≤ 30.5 s       61   auto  10 mV rms, 100 kHz → 0.1 Hz   NO   153\n");
        assertThat(out).contains("  18    ca                              -0.700                                 -1.311"
                + "             1 h     100 ms    36000   auto                            —   NO   165\n");
        assertThat(out).contains("\nEIS: samples are impedance points, one per frequency; a spectrum takes up to its"
                + " duration as norrlab plans it");
        // Hand calculation of the longest run (holds at their timeouts):
        //   OCP 600 s + activation 320 s + C_dl 0.6 V at 10, 20, 40, 60, 80 mV/s = 60 + 30 + 15 + 10 + 7.5 = 122.5 s
        //   + 2 LSV × 220 s = 440 s + gas hold 3600 s + EIS 176.363 s + 4 CA × 3600 s = 14400 s + 4 holds × 1800 s
        //   = 7200 s = 26858.863 s = 7 h 27 min 38.9 s.
        // Samples: 600 + 6401 + 5 × 601 + 2 × 551 + 61 impedance points + 4 × 36000 = 155169.
        assertThat(out).contains("Total: 19 steps, up to 7 h 27 min 38.9 s, 155169 samples\n");
        assertThat(out).doesNotContain("Warning: step").doesNotContain("Note:");
    }

    @Test
    void theStudyFitsTheEmStatWindowsAndMinimumIntervals() {
        // EmStat Pico: -1.7 .. 2 V vs RE, 10 ms; the most negative potential, -0.8 V vs RHE, is -1.411 V vs RE; the
        // shortest interval, 1 mV at 80 mV/s, is 12.5 ms. The CA steps, the LSVs' ends and the EIS step's DC potential
        // are checked against the window (the copies list eis, as the EmStat firmware measures impedance).
        for (String profile : new String[] {"emstat-pico-sweeps", "emstat4-lr-sweeps"}) {
            CliRunner.Result plan = norrlab("plan", STUDY.toString(), "--instrument", profile);
            assertThat(plan.exitCode()).as(profile + ": " + plan.err()).isZero();
            assertThat(plan.out()).contains("Total: 19 steps");
        }
    }

    @Test
    void aStepTheInstrumentCannotRunIsRefusedBeforeStartNamingTheStepAndTheInstrument() throws IOException {
        Path protocol = home.resolve("cp.yaml");
        Files.writeString(protocol, """
                steps:
                  - ocp: {duration: 1 min, interval: 1 s}
                  - cp: {current: -10 mA, duration: 1 min, interval: 1 s}
                """);
        String refusal = "Bad input: the protocol cannot run on sim-no-cp:\n  step 2 (CP at -10 mA, " + protocol + ":3:5):"
                + " sim-no-cp cannot hold a current and record the potential (chronopotentiometry); remove the cp step or"
                + " run it on another instrument";
        CliRunner.Result plan = norrlab("plan", protocol.toString(), "--instrument", "sim-no-cp");
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(plan.err()).contains(refusal);
        CliRunner.Result run = norrlab("run", protocol.toString(), "--instrument", "sim-no-cp", "--speed", "max",
                "--no-progress");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(refusal);
        assertThat(run.out()).as("refused before the run's header").doesNotContain("Protocol ");
        // the same protocol on a profile that lists cp is accepted
        assertThat(norrlab("plan", protocol.toString(), "--instrument", "sim-sweeps").exitCode()).isZero();
    }
}
