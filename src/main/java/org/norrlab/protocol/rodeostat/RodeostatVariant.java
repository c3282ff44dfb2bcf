package org.norrlab.protocol.rodeostat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Rodeostat's hardware variant as {@code getVariant} reports it, {@code <volt>_<current><hardware>}
 * (e.g. {@code 10V_microAmpV0.2}), and the current ranges each current variant has (the firmware's
 * constants; shared reference serial-protocols.md §2.5).
 */
public record RodeostatVariant(String text, String current) {
    /** Current variant → its ranges in amperes, ascending. */
    static final Map<String, List<Double>> RANGES = Map.of(
            "nanoAmp", List.of(60e-9, 100e-9, 1e-6, 10e-6),
            "microAmp", List.of(1e-6, 10e-6, 100e-6, 1000e-6),
            "10MilliAmp", List.of(10e-6, 100e-6, 1000e-6, 10000e-6),
            "24MilliAmp", List.of(100e-6, 1000e-6, 12000e-6, 24000e-6));
    private static final Pattern FORMAT = Pattern.compile("[^_]+_([A-Za-z0-9]+?)(V\\d+(\\.\\d+)?)?");

    public static Optional<RodeostatVariant> parse(String text) {
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches() || !RANGES.containsKey(m.group(1))) {
            return Optional.empty();
        }
        return Optional.of(new RodeostatVariant(text.strip(), m.group(1)));
    }

    public List<Double> rangesAmperes() {
        return RANGES.get(current);
    }

    /** The current variant whose ranges are exactly these (a profile's current_ranges), if any. */
    public static Optional<String> currentVariantFor(List<Double> rangesAmperes) {
        return RANGES.entrySet().stream().filter(e -> e.getValue().size() == rangesAmperes.size()
                && holds(e.getValue(), rangesAmperes)).map(Map.Entry::getKey).findFirst();
    }

    /** The ranges of {@code wanted} this variant does not have. */
    public List<Double> missing(List<Double> wanted) {
        return wanted.stream().filter(w -> !holds(rangesAmperes(), List.of(w))).toList();
    }

    /** The variants that have every one of these ranges, by name. */
    public static List<String> variantsHolding(List<Double> rangesAmperes) {
        return RANGES.entrySet().stream().filter(e -> holds(e.getValue(), rangesAmperes)).map(Map.Entry::getKey).sorted()
                .toList();
    }

    private static boolean holds(List<Double> have, List<Double> wanted) {
        return wanted.stream().allMatch(w -> have.stream().anyMatch(h -> Math.abs(h - w) <= 1e-9 * Math.abs(w)));
    }

    public static String known() {
        return String.join(", ", RANGES.keySet().stream().sorted().toList());
    }

    /**
     * Whether a hardware version ({@code getHardwareVersion}, e.g. "V0.2") has the electrode switches
     * ({@code setAllElectConnected}), which came with hardware V0.2.
     */
    public static boolean hasElectrodeSwitches(String hardwareVersion) {
        Matcher m = Pattern.compile("V?(\\d+)\\.(\\d+)").matcher(hardwareVersion.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return major > 0 || minor >= 2;
    }
}
