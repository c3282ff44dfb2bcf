package org.norrlab.store;

import com.fasterxml.jackson.core.type.TypeReference;
import org.norrlab.core.StepSettings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A step's {@link StepSettings} as the steps table's {@code settings_json} holds it: an object with only the keys
 * that apply (JSON has no NaN), NULL for a step without settings.
 */
public final class StepSettingsJson {
    private StepSettingsJson() {
    }

    /** The JSON text, or null for {@link StepSettings#NONE}; exports write the same text (CSV header, JSON Lines step). */
    public static String write(StepSettings s) {
        if (s.equals(StepSettings.NONE)) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "scan_rate_v_s", s.scanRateVoltsPerSecond());
        put(m, "step_v", s.stepVolts());
        put(m, "start_vs_rhe_v", s.startVsRhe());
        put(m, "vertex1_vs_rhe_v", s.vertex1VsRhe());
        put(m, "vertex2_vs_rhe_v", s.vertex2VsRhe());
        put(m, "end_vs_rhe_v", s.endVsRhe());
        if (s.cycles() > 0) {
            m.put("cycles", s.cycles());
        }
        put(m, "set_current_a", s.setCurrentAmperes());
        put(m, "lower_limit_vs_rhe_v", s.lowerLimitVsRhe());
        put(m, "upper_limit_vs_rhe_v", s.upperLimitVsRhe());
        put(m, "amplitude_v_rms", s.amplitudeVolts());
        put(m, "highest_frequency_hz", s.highestFrequencyHz());
        put(m, "lowest_frequency_hz", s.lowestFrequencyHz());
        if (s.frequencyCount() > 0) {
            m.put("frequencies", s.frequencyCount());
        }
        put(m, "dc_vs_ocp_v", s.openCircuitOffsetVolts());
        return Json.write(m);
    }

    /** The settings a {@code settings_json} value holds; {@link StepSettings#NONE} for NULL. */
    public static StepSettings read(String json) throws StoreException {
        if (json == null || json.isBlank()) {
            return StepSettings.NONE;
        }
        Map<String, Number> m = Json.readMap(json, new TypeReference<>() { });
        try {
            return new StepSettings(get(m, "scan_rate_v_s"), get(m, "step_v"), get(m, "start_vs_rhe_v"),
                    get(m, "vertex1_vs_rhe_v"), get(m, "vertex2_vs_rhe_v"), get(m, "end_vs_rhe_v"),
                    m.containsKey("cycles") ? m.get("cycles").intValue() : 0, get(m, "set_current_a"),
                    get(m, "lower_limit_vs_rhe_v"), get(m, "upper_limit_vs_rhe_v"), get(m, "amplitude_v_rms"),
                    get(m, "highest_frequency_hz"), get(m, "lowest_frequency_hz"),
                    m.containsKey("frequencies") ? m.get("frequencies").intValue() : 0, get(m, "dc_vs_ocp_v"));
        } catch (IllegalArgumentException e) {
            throw new StoreException("a step's settings_json cannot be used: " + e.getMessage() + " (" + json + ")", e);
        }
    }

    private static void put(Map<String, Object> m, String key, double value) {
        if (!Double.isNaN(value)) {
            m.put(key, value);
        }
    }

    private static double get(Map<String, Number> m, String key) {
        Number n = m.get(key);
        return n == null ? Double.NaN : n.doubleValue();
    }
}
