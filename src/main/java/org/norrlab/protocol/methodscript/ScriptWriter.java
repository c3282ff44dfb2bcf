package org.norrlab.protocol.methodscript;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the MethodSCRIPTs norrlab runs, after PalmSens' CA example (serial-protocols.md §1.9):
 * literal arguments, no blank lines (a blank line ends a script early), and {@code cell_off} in
 * {@code on_finished:} so the cell is switched off however the script ends. Every package holds
 * the timer, the potential and, for CA, the current, in that order; the driver reads by position.
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
            lines.add("set_autoranging ba " + SiPrefix.literal(settings.autorangeMinAmperes()) + " "
                    + SiPrefix.literal(settings.autorangeMaxAmperes()));
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
