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
