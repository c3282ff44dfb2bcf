package org.norrlab.importer;

import org.norrlab.config.Potential;
import org.norrlab.importer.DelimitedImporter.DefaultUnits;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generic CSV's header row, read into the columns norrlab uses. A column is a name and a unit in any of the common
 * spellings ({@code time_s}, {@code t (s)}, {@code t/s}, {@code time [s]}, {@code I_A}, {@code current (mA)},
 * {@code E_V_vs_RE} …); a unit the header does not give comes from an option ({@code --time-unit} …) or the column is
 * refused, and nothing is taken from the size of the values. Columns with other names are left out and listed.
 *
 * @param separator the separator the header row uses: TAB, then ';', then ','
 * @param width     the number of cells of the header row
 */
record CsvHeader(char separator, int width, Map<Role, Column> columns, List<String> ignored) {
    /** What a column holds. */
    enum Role {
        TIME("time"), CURRENT("current"), POTENTIAL("potential"), STEP("step"), SET_POTENTIAL("set potential"),
        KIND("kind");

        final String word;

        Role(String word) {
            this.word = word;
        }
    }

    /**
     * One column norrlab reads: values are converted to s, A or V by multiplying or dividing by a power of ten or
     * sixty, so that "-1,25" µA is exactly the double -1.25e-6 (division by an exact 1e6 rounds once).
     */
    record Column(int index, String header, String unit, double factor, boolean divide,
                  Optional<Potential.Scale> scale) {
        double toSi(double read) {
            return divide ? read / factor : read * factor;
        }

        String described() {
            return "'" + header + "'" + (unit.isEmpty() ? "" : " in " + unit + scale.map(s -> " vs " + s).orElse(""));
        }
    }

    static final String ACCEPTED = "accepted: a time column (time_s, t (s), t/s, Time/sec, time [s], Time (min),"
            + " Elapsed Time (s); units s, ms, min, h) and a current column (I_A, I/mA, current (mA), Current [µA],"
            + " <I>/mA; units A, mA, µA or uA, nA, pA) or, for open-circuit data, a potential column alone; optional:"
            + " a potential column (E/V, Ewe/V, potential (mV), E_V_vs_RE; units V, mV; vs the reference electrode),"
            + " a step column (step, step number; numbers or names), a set-potential column (E_set (V vs RE),"
            + " set potential (V vs RHE), E_set_mV_vs_RHE) and a kind column (kind: ca, ocp, cv, lsv, cp, other);"
            + " cells separated by ',', ';' or TAB";

    private static final String SET_FORMS = "E_set (V vs RE), E_set (mV vs RHE), set potential (V vs RHE), E_set_V_vs_RE";

    private static final Map<Role, Set<String>> NAMES = new EnumMap<>(Map.of(
            Role.TIME, Set.of("t", "time", "elapsed time", "time elapsed", "total time", "test time"),
            Role.CURRENT, Set.of("i", "current", "im", "i meas", "measured current", "i we", "we current"),
            Role.POTENTIAL, Set.of("e", "ewe", "e we", "potential", "voltage", "v", "we potential", "measured potential",
                    "e meas", "working electrode potential"),
            Role.STEP, Set.of("step", "step number", "step no", "step no.", "step index", "step name", "step id"),
            Role.SET_POTENTIAL, Set.of("e set", "eset", "set e", "set potential", "applied potential", "e applied",
                    "potential set", "e setpoint", "potential setpoint"),
            Role.KIND, Set.of("kind", "technique", "step kind", "step technique")));

    /** Unit → (factor, whether to divide by it): the factors are exact, so a conversion rounds at most once. */
    private static final Map<String, double[]> TIME_UNITS = units("s", 1, 0, "sec", 1, 0, "ms", 1e3, 1, "min", 60, 0,
            "h", 3600, 0);
    private static final Map<String, double[]> CURRENT_UNITS = units("A", 1, 0, "mA", 1e3, 1, "µA", 1e6, 1, "μA", 1e6, 1,
            "uA", 1e6, 1, "nA", 1e9, 1, "pA", 1e12, 1);
    private static final Map<String, double[]> POTENTIAL_UNITS = units("V", 1, 0, "mV", 1e3, 1);
    private static final Set<String> TIME_SPELLINGS = Set.of("secs", "second", "seconds", "mins", "minute", "minutes",
            "hr", "hrs", "hour", "hours");

    private static final Pattern BRACKETED = Pattern.compile("^(.+?)\\s*[(\\[]\\s*([^)\\]]*?)\\s*[)\\]]\\s*$");
    private static final Pattern VERSUS = Pattern.compile("\\s+vs\\.?\\s+", Pattern.CASE_INSENSITIVE);

    CsvHeader {
        columns = Map.copyOf(columns);
        ignored = List.copyOf(ignored);
    }

    Optional<Column> column(Role role) {
        return Optional.ofNullable(columns.get(role));
    }

    static CsvHeader read(Path file, int line, String text, DefaultUnits defaults) throws ImportException {
        char separator = text.indexOf('\t') >= 0 ? '\t' : text.indexOf(';') >= 0 ? ';' : ',';
        String[] cells = VendorText.cells(text, separator);
        Map<Role, Column> columns = new EnumMap<>(Role.class);
        List<String> ignored = new ArrayList<>();
        for (int c = 0; c < cells.length; c++) {
            String header = cells[c];
            String[] nameAndUnit = nameAndUnit(header);
            Role role = role(nameAndUnit[0]);
            if (role == null) {
                if (!header.isEmpty()) {
                    ignored.add(header);
                }
                continue;
            }
            Column column = column(file, line, role, c, header, nameAndUnit[1], defaults);
            Column before = columns.put(role, column);
            if (before != null) {
                throw new ImportException(file, line, "columns '" + before.header() + "' and '" + header + "' are both a "
                        + role.word + " column; keep one of them (norrlab does not choose)");
            }
        }
        if (!columns.containsKey(Role.TIME) || !(columns.containsKey(Role.CURRENT) || columns.containsKey(Role.POTENTIAL))) {
            throw new ImportException(file, line, "expected a header naming a time and a current column with units, e.g."
                    + " 'time (s),current (mA)' or 't/s;I/µA'; found: " + ImportException.shortened(text) + "; " + ACCEPTED);
        }
        return new CsvHeader(separator, cells.length, columns, ignored);
    }

    /** What the columns were read as, units included: so a summary shows "I [mA]" read in mA at a glance. */
    String described() {
        StringBuilder text = new StringBuilder();
        for (Role role : Role.values()) {
            Column column = columns.get(role);
            if (column != null) {
                text.append(text.length() == 0 ? "" : "; ").append(role.word).append(": ").append(column.described());
            } else if (role == Role.POTENTIAL || role == Role.CURRENT) {
                text.append("; ").append(role.word).append(": none (the samples carry no ").append(role.word).append(')');
            }
        }
        if (!ignored.isEmpty()) {
            text.append("; not read: '").append(String.join("', '", ignored)).append('\'');
        }
        return text.toString();
    }

    /** A header cell's name and unit (null when it names none): "t (s)", "t/s", "time [s]", "time_s", "E_V_vs_RE". */
    private static String[] nameAndUnit(String header) {
        String cell = header.replace("<", "").replace(">", "").trim();
        Matcher bracketed = BRACKETED.matcher(cell);
        if (bracketed.matches()) {
            return new String[] {bracketed.group(1), bracketed.group(2)};
        }
        int slash = cell.indexOf('/');
        if (slash > 0) {
            return new String[] {cell.substring(0, slash), cell.substring(slash + 1).trim()};
        }
        String[] words = cell.split("_");
        for (int w = 1; w < words.length; w++) {
            if (isUnit(words[w])) {
                return new String[] {String.join(" ", List.of(words).subList(0, w)),
                        String.join(" ", List.of(words).subList(w, words.length))};
            }
        }
        return new String[] {cell, null};
    }

    private static boolean isUnit(String word) {
        return TIME_UNITS.containsKey(word.toLowerCase(Locale.ROOT)) || TIME_SPELLINGS.contains(word.toLowerCase(Locale.ROOT))
                || CURRENT_UNITS.containsKey(word) || POTENTIAL_UNITS.containsKey(word);
    }

    private static Role role(String name) {
        String normal = name.toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ").trim();
        for (Map.Entry<Role, Set<String>> names : NAMES.entrySet()) {
            if (names.getValue().contains(normal)) {
                return names.getKey();
            }
        }
        return null;
    }

    private static Column column(Path file, int line, Role role, int index, String header, String unitText,
                                 DefaultUnits defaults) throws ImportException {
        String where = "column '" + header + "'";
        switch (role) {
            case STEP, KIND -> {
                return new Column(index, header, "", 1, false, Optional.empty());
            }
            case SET_POTENTIAL -> {
                String[] unitAndScale = unitText == null ? new String[] {""} : VERSUS.split(unitText, 2);
                if (unitAndScale.length < 2 || !POTENTIAL_UNITS.containsKey(unitAndScale[0].trim())) {
                    throw new ImportException(file, line, where + ": a set potential needs its unit and its scale (vs RE or"
                            + " vs RHE) in the header; accepted: " + SET_FORMS);
                }
                Optional<Potential.Scale> scale = scale(unitAndScale[1]);
                if (scale.isEmpty()) {
                    throw new ImportException(file, line, where + ": '" + unitAndScale[1].trim() + "' is not a scale norrlab"
                            + " converts from; state the set potential vs RE (the cell's reference electrode) or vs RHE;"
                            + " accepted: " + SET_FORMS);
                }
                return unit(file, line, index, header, unitAndScale[0].trim(), POTENTIAL_UNITS, scale);
            }
            case POTENTIAL -> {
                String given = unitText != null ? unitText : defaults.potential().orElse("");
                String[] unitAndScale = VERSUS.split(given, 2);
                if (unitText != null) {
                    optionAgrees(file, line, header, unitAndScale[0].trim(),
                            defaults.potential().map(o -> VERSUS.split(o, 2)[0].trim()), "--potential-unit", POTENTIAL_UNITS);
                }
                if (unitAndScale.length == 2 && scale(unitAndScale[1]).filter(s -> s == Potential.Scale.RE).isEmpty()) {
                    throw new ImportException(file, line, where + ": norrlab stores a measured potential vs the reference"
                            + " electrode, and the header says vs " + unitAndScale[1].trim() + "; export it vs RE"
                            + " (E_V_vs_RE, E (V vs RE)) or without a scale");
                }
                return unit(file, line, index, header, unitAndScale[0].trim(), POTENTIAL_UNITS,
                        Optional.of(Potential.Scale.RE));
            }
            case TIME -> {
                String given = unitText != null ? unitText : defaults.time().orElse("");
                if (unitText != null) {
                    optionAgrees(file, line, header, timeUnit(unitText), defaults.time().map(CsvHeader::timeUnit),
                            "--time-unit", TIME_UNITS);
                }
                return unit(file, line, index, header, timeUnit(given), TIME_UNITS, Optional.empty());
            }
            default -> {
                String given = unitText != null ? unitText : defaults.current().orElse("");
                if (unitText != null) {
                    optionAgrees(file, line, header, unitText, defaults.current(), "--current-unit", CURRENT_UNITS);
                }
                return unit(file, line, index, header, given, CURRENT_UNITS, Optional.empty());
            }
        }
    }

    /**
     * A unit option for a column whose header states its own unit: the same unit (in any spelling norrlab reads as
     * the same, µA and uA) is fine; another is refused, since either the header or the option is wrong.
     */
    private static void optionAgrees(Path file, int line, String header, String stated, Optional<String> option,
                                     String optionName, Map<String, double[]> units) throws ImportException {
        if (option.isEmpty() || option.get().equals(stated)) {
            return;
        }
        double[] byHeader = units.get(stated);
        double[] byOption = units.get(option.get());
        if (byHeader != null && byOption != null && Arrays.equals(byHeader, byOption)) {
            return;
        }
        throw new ImportException(file, line, "column '" + header + "': the header states " + ImportException.quoted(stated)
                + " and " + optionName + " says '" + option.get() + "'; they differ: drop the option or correct the header"
                + " (norrlab does not choose)");
    }

    /** Time units are read whatever their case ("Time/Sec"), and in their spelled-out forms ("seconds", "hours"). */
    private static String timeUnit(String unit) {
        String lower = unit.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "secs", "second", "seconds" -> "s";
            case "mins", "minute", "minutes" -> "min";
            case "hr", "hrs", "hour", "hours" -> "h";
            default -> TIME_UNITS.containsKey(lower) ? lower : unit;
        };
    }

    private static Column unit(Path file, int line, int index, String header, String unit, Map<String, double[]> units,
                               Optional<Potential.Scale> scale) throws ImportException {
        double[] factor = units.get(unit);
        if (factor == null) {
            throw new ImportException(file, line, "column '" + header + "': " + (unit.isEmpty() ? "no unit"
                    : ImportException.quoted(unit) + " is not a unit here") + "; allowed: " + String.join(", ", units.keySet())
                    + (unit.isEmpty() ? "; give it in the header, e.g. 'time (s)', 'I/mA', 'E_V', or with --time-unit,"
                    + " --current-unit, --potential-unit" : ""));
        }
        return new Column(index, header, unit, factor[0], factor[1] != 0, scale);
    }

    private static Optional<Potential.Scale> scale(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT).replace('_', ' ')) {
            case "re", "ref", "reference", "reference electrode" -> Optional.of(Potential.Scale.RE);
            case "rhe" -> Optional.of(Potential.Scale.RHE);
            default -> Optional.empty();
        };
    }

    private static Map<String, double[]> units(Object... table) {
        Map<String, double[]> units = new LinkedHashMap<>();
        for (int i = 0; i < table.length; i += 3) {
            units.put((String) table[i], new double[] {((Number) table[i + 1]).doubleValue(),
                    ((Number) table[i + 2]).doubleValue()});
        }
        return units;
    }
}
