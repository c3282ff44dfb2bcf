package org.norrlab.protocol.methodscript;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the MethodSCRIPTs norrlab runs, after PalmSens' CA example (serial-protocols.md §1.9):
 * literal arguments, no blank lines (a blank line ends a script early), and {@code cell_off} in
 * {@code on_finished:} so the cell is switched off however the script ends. Every CA and OCP package holds
 * the timer, the potential and, for CA, the current, in that order; the driver reads by position. Sweep packages
 * hold the set potential and the current only, as in PalmSens' LSV and CV examples (MSLoopExample001/004) and the
 * recorded transcripts (serial-protocols.md §1.4): the device steps the potential on its own clock, so point k of
 * a staircase is at k·step/rate. A CP package holds the timer, the measured potential and the set current, as in
 * PalmSens' CP example (MSLoopExample009).
 */
public final class ScriptWriter {

    /** Device settings from the instrument profile. */
    public record Settings(int pgstatMode, int maxBandwidthHz, double autorangeMinAmperes, double autorangeMaxAmperes) {
    }

    private ScriptWriter() {
    }

    /**
     * @param initialRangeAmperes the range to start on (full scale); with {@code autorange} the device may leave it
     */
    public static List<String> chronoamperometry(double volts, double intervalSeconds, double durationSeconds,
                                                 double initialRangeAmperes, boolean autorange, Settings settings) {
        String e = SiPrefix.literal(volts);
        List<String> lines = new ArrayList<>(List.of("e", "var p", "var c", "var t", "set_pgstat_chan 0",
                "set_pgstat_mode " + settings.pgstatMode(), "set_max_bandwidth " + settings.maxBandwidthHz(),
                "set_range_minmax da " + e + " " + e, "set_range ba " + SiPrefix.literal(initialRangeAmperes)));
        if (autorange) {
            lines.add(autoranging(settings));
        }
        lines.addAll(List.of("set_e " + e, "cell_on", "timer_start",
                "meas_loop_ca p c " + e + " " + SiPrefix.literal(intervalSeconds) + " " + SiPrefix.literal(durationSeconds),
                "timer_get t", "pck_start", "pck_add t", "pck_add p", "pck_add c", "pck_end", "endloop",
                "on_finished:", "cell_off"));
        return lines;
    }

    public static List<String> openCircuit(double intervalSeconds, double durationSeconds, Settings settings) {
        return List.of("e", "var p", "var t", "set_pgstat_chan 0", "set_pgstat_mode " + settings.pgstatMode(),
                "set_max_bandwidth " + settings.maxBandwidthHz(), "cell_off", "timer_start",
                "meas_loop_ocp p " + SiPrefix.literal(intervalSeconds) + " " + SiPrefix.literal(durationSeconds),
                "timer_get t", "pck_start", "pck_add t", "pck_add p", "pck_end", "endloop", "on_finished:", "cell_off");
    }

    /**
     * {@code meas_loop_lsv p c E_begin E_end E_step scan_rate} (argument order of PalmSens' MSLoopExample001-LSV and
     * the PSTrace export, serial-protocols.md §1.9).
     */
    public static List<String> linearSweep(double beginVolts, double endVolts, double stepVolts, double scanRate,
                                           double initialRangeAmperes, boolean autorange, Settings settings) {
        return sweep(beginVolts, Math.min(beginVolts, endVolts), Math.max(beginVolts, endVolts), "meas_loop_lsv p c "
                + SiPrefix.literal(beginVolts) + " " + SiPrefix.literal(endVolts) + " " + SiPrefix.literal(stepVolts) + " "
                + SiPrefix.literal(scanRate), initialRangeAmperes, autorange, settings);
    }

    /**
     * {@code meas_loop_cv p c E_begin E_vertex1 E_vertex2 E_step scan_rate [nscans(n)]} (argument order of PalmSens'
     * MSLoopExample004-CV and example_cv_nscans); {@code nscans} only for more than one cycle, so that a single cycle
     * is the plain loop every device knows. With it the device brackets each scan by {@code Cxxxx} … {@code -}.
     */
    public static List<String> cyclicVoltammetry(double beginVolts, double vertex1Volts, double vertex2Volts, int cycles,
                                                 double stepVolts, double scanRate, double initialRangeAmperes,
                                                 boolean autorange, Settings settings) {
        return sweep(beginVolts, Math.min(vertex1Volts, vertex2Volts), Math.max(vertex1Volts, vertex2Volts),
                "meas_loop_cv p c " + SiPrefix.literal(beginVolts) + " " + SiPrefix.literal(vertex1Volts) + " "
                        + SiPrefix.literal(vertex2Volts) + " " + SiPrefix.literal(stepVolts) + " " + SiPrefix.literal(scanRate)
                        + (cycles > 1 ? " nscans(" + cycles + ")" : ""), initialRangeAmperes, autorange, settings);
    }

    private static List<String> sweep(double beginVolts, double lowestVolts, double highestVolts, String loop,
                                      double initialRangeAmperes, boolean autorange, Settings settings) {
        List<String> lines = new ArrayList<>(List.of("e", "var p", "var c", "set_pgstat_chan 0",
                "set_pgstat_mode " + settings.pgstatMode(), "set_max_bandwidth " + settings.maxBandwidthHz(),
                "set_range_minmax da " + SiPrefix.literal(lowestVolts) + " " + SiPrefix.literal(highestVolts),
                "set_range ba " + SiPrefix.literal(initialRangeAmperes)));
        if (autorange) {
            lines.add(autoranging(settings));
        }
        lines.addAll(List.of("set_e " + SiPrefix.literal(beginVolts), "cell_on", loop,
                "pck_start", "pck_add p", "pck_add c", "pck_end", "endloop", "on_finished:", "cell_off"));
        return lines;
    }

    /** PGStat mode of PalmSens' CP example (MSLoopExample009, "applies to EmStat4, Nexus"): the galvanostat. */
    public static final int GALVANOSTAT_MODE = 6;

    /**
     * {@code meas_loop_cp p c I_set interval run_time} after PalmSens' MSLoopExample009-CP: the loop's first output is
     * the measured potential (WE vs RE, {@code ab}), the second the applied current; the applied current's range is
     * fixed ({@code set_range db}, auto-ranging pinned to it) and the potential range starts at 1 V and auto-ranges between 100 mV and 2 V as there.
     */
    public static List<String> chronopotentiometry(double amperes, double intervalSeconds, double durationSeconds,
                                                   double currentRangeAmperes, Settings settings) {
        String range = SiPrefix.literal(currentRangeAmperes);
        return List.of("e", "var p", "var c", "var t", "set_pgstat_chan 0", "set_pgstat_mode " + GALVANOSTAT_MODE,
                "set_max_bandwidth " + settings.maxBandwidthHz(), "set_range ab 1", "set_autoranging ab 100m 2",
                "set_range db " + range, "set_autoranging db " + range + " " + range, "set_i 0", "cell_on", "timer_start",
                "meas_loop_cp p c " + SiPrefix.literal(amperes) + " " + SiPrefix.literal(intervalSeconds) + " "
                        + SiPrefix.literal(durationSeconds),
                "timer_get t", "pck_start", "pck_add t", "pck_add p", "pck_add c", "pck_end", "endloop",
                "on_finished:", "cell_off");
    }

    /**
     * PGStat mode of every PalmSens EIS example (MSLoopExample012-EIS, MSExample015/018, "applies to EmStat Pico, Sensit
     * Wearable, EmStat4, Nexus"): high speed. A recorded EmStat Pico EIS script says why: "Set mode to high speed, other
     * modes won't work for EIS" (Genotyper-Firmware {@code MethodSCRIPT_tests/scripts/EIS_es_pico.mscr}).
     */
    public static final int IMPEDANCE_MODE = 3;

    /** How long an EIS at open circuit measures the open-circuit potential first, and how often. */
    public static final double OPEN_CIRCUIT_SECONDS = 1;
    public static final double OPEN_CIRCUIT_INTERVAL_SECONDS = 0.1;

    /**
     * An impedance spectrum with {@code meas_loop_eis f r j E_ac f_begin f_end n E_dc}: argument order of PalmSens'
     * MSLoopExample012-EIS ("meas_loop_eis frequency z_real z_imaginary amplitude frequency_start frequency_end points
     * dc_potential") and of the EmStat Pico scripts recorded with their output (Genotyper-Firmware
     * {@code example_eis.mscr}: {@code meas_loop_eis f r j 15m 200k 20 41 0m}, 41 packages from 200 kHz down to 20 Hz,
     * 10 per decade). The device lays the {@code n} frequencies out itself, logarithmically from begin to end
     * (MSLoopExample012: "11 points ... divided on a logarithmic scale"), so a spectrum is written as its first and last
     * frequency and its count. Each package holds the frequency ({@code dc}), Z' ({@code cc}) and Z'' ({@code cd}).
     *
     * <p>The amplitude is written as given, in volts rms. The MethodSCRIPT manual's page for the loop was not
     * retrievable; rms is inferred from PalmSens' own words for the same quantity: the package vartype of the applied
     * AC amplitude, {@code dd}, is in "Vrms" (serial-protocols.md §1.5, from PalmSens' mscript.py), and PalmSens' SDK
     * documents its EIS {@code ac_potential} as "AC potential in V RMS" (default 0.01, as every example's {@code 10m}).
     *
     * <p>Range settings as MSLoopExample012: bandwidth 1 MHz (above every frequency), the current auto-ranging of the
     * profile, the potential range at 4 V without auto-ranging ({@code set_range ab 4}, {@code set_autoranging ab 4 4}).
     *
     * @param openCircuitOffsetVolts with {@code atOpenCircuit}: the DC level is the open-circuit potential the script
     *                               measures first (a {@code meas_loop_ocp} of {@link #OPEN_CIRCUIT_SECONDS}, packages
     *                               [time, potential]) plus this offset, added on the device ({@code add_var}, as
     *                               PalmSens' MSExample018 adds a {@code ja} variable to another)
     */
    public static List<String> impedance(double dcVolts, boolean atOpenCircuit, double openCircuitOffsetVolts,
                                         double amplitudeVoltsRms, double beginHz, double endHz, int count,
                                         double initialRangeAmperes, boolean autorange, Settings settings) {
        String dc = atOpenCircuit ? "p" : SiPrefix.literal(dcVolts);
        List<String> lines = new ArrayList<>(List.of("e", "var f", "var r", "var j"));
        if (atOpenCircuit) {
            lines.addAll(List.of("var p", "var t"));
            if (openCircuitOffsetVolts != 0) {
                lines.add("var o");
            }
        }
        lines.addAll(List.of("set_pgstat_chan 0", "set_pgstat_mode " + IMPEDANCE_MODE));
        if (atOpenCircuit) {
            // The same loop and packages as the OCP step's script (openCircuit), with the cell off.
            lines.addAll(List.of("set_max_bandwidth " + settings.maxBandwidthHz(), "cell_off", "timer_start",
                    "meas_loop_ocp p " + SiPrefix.literal(OPEN_CIRCUIT_INTERVAL_SECONDS) + " "
                            + SiPrefix.literal(OPEN_CIRCUIT_SECONDS),
                    "timer_get t", "pck_start", "pck_add t", "pck_add p", "pck_end", "endloop"));
            if (openCircuitOffsetVolts != 0) {
                lines.addAll(List.of("store_var o " + SiPrefix.literal(openCircuitOffsetVolts) + " ja", "add_var p o"));
            }
        }
        lines.addAll(List.of("set_max_bandwidth 1M", "set_range_minmax da " + dc + " " + dc,
                "set_range ba " + SiPrefix.literal(initialRangeAmperes)));
        if (autorange) {
            lines.add(autoranging(settings));
        }
        lines.addAll(List.of("set_range ab 4", "set_autoranging ab 4 4", "set_e " + dc, "cell_on",
                "meas_loop_eis f r j " + SiPrefix.literal(amplitudeVoltsRms) + " " + SiPrefix.literal(beginHz) + " "
                        + SiPrefix.literal(endHz) + " " + count + " " + dc,
                "pck_start", "pck_add f", "pck_add r", "pck_add j", "pck_end", "endloop", "on_finished:", "cell_off"));
        return lines;
    }

    private static String autoranging(Settings settings) {
        return "set_autoranging ba " + SiPrefix.literal(settings.autorangeMinAmperes()) + " "
                + SiPrefix.literal(settings.autorangeMaxAmperes());
    }

    /** A script that only switches the cell off (used when no measurement runs). */
    public static List<String> cellOff() {
        return List.of("e", "cell_off");
    }

    /** The bytes on the wire: every line ends in LF, and one empty line ends the script. */
    public static byte[] frame(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            out.append(trimmed).append('\n');
        }
        out.append('\n');
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
