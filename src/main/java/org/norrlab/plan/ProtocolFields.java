package org.norrlab.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every field a protocol file may have, per step kind and at the protocol level, with what it means and what is
 * allowed, in the words the {@link ProtocolWriter} puts above each field and the protocol editor shows next to it.
 * What is allowed is only described here; the rules themselves are {@link ProtocolLoader}'s, which the editor runs on
 * the text it would write. Nested fields are written with dots ({@code aliquot.volume} is {@code volume} inside an
 * {@code aliquot:} block).
 */
public final class ProtocolFields {
    /** How a field is entered: free text with its unit, a potential with its scale, a list, or one of a few words. */
    public enum Type { TEXT, POTENTIAL, POTENTIAL_LIST, LIST, CHOICE }

    /**
     * One field.
     *
     * @param key     its key, nested keys joined with dots
     * @param label   its name on screen
     * @param choices for {@link Type#CHOICE}, the words allowed ("" first: not written)
     * @param comment what it means and what is allowed, one line
     * @param example a value as it is written, with its unit, for a new step ("" when the field is left out)
     */
    public record Field(String key, String label, Type type, List<String> choices, String comment, String example) {
        public Field {
            choices = List.copyOf(choices);
        }

        public boolean isList() {
            return type == Type.LIST || type == Type.POTENTIAL_LIST;
        }
    }

    /** The step kinds in the order the editor offers them. */
    public static final List<String> KINDS = List.of("ocp", "ca", "ca_series", "lsv", "cv", "cp", "eis", "hold", "repeat");

    private static final String TIME = "a time with its unit: ms, s, min or h";
    private static final String RANGE = "auto (the instrument chooses), or a fixed full scale such as 10 mA";
    private static final String GAS = "optional: Ar or NO, the gas the electrolyte is saturated with; left out, the cell block's gas";
    private static final String POTENTIAL = "a potential in V or mV, vs RHE (the scale experiments are designed in) or vs RE"
            + " (the reference electrode)";

    private static final Map<String, String> TITLES = Map.of(
            "ocp", "OCP rest (open circuit)", "ca", "CA (chronoamperometry)", "ca_series", "CA series (one CA per potential)",
            "lsv", "LSV (linear sweep)", "cv", "CV (cyclic voltammetry)", "cp", "CP (chronopotentiometry)",
            "eis", "EIS (impedance spectrum)", "hold", "Hold (wait for the operator)", "repeat", "Repeat (a block of steps, several times)");

    private static final Map<String, String> BLOCKS = Map.of(
            "aliquot", "An aliquot of the catholyte taken for the NH3 assay after this step.",
            "rest_before", "An open-circuit rest before each potential.",
            "hold_after", "A hold after each potential: the run waits there for the operator.",
            "limits", "Potentials at which the instrument stops the step.",
            "cell", "The cell. Anything left out comes from config/site.yaml.",
            "safety", "Limits that stop a step or the run; anything left out comes from config/site.yaml.",
            "potential_window", "The potentials the cell may see, vs RHE.",
            "reference_electrode", "A reference electrode of your own.");

    private ProtocolFields() {
    }

    public static String title(String kind) {
        return TITLES.getOrDefault(kind, kind);
    }

    /** What a block ({@code aliquot:}, {@code cell:}) holds, for its comment; empty for none. */
    public static Optional<String> blockComment(String key) {
        return Optional.ofNullable(BLOCKS.get(key));
    }

    /**
     * The fields of a step of {@code kind}, in the order they are written; none for a kind the loader does not know (a
     * typo in a hand-written file), whose step the loader refuses with the kinds it allows.
     */
    public static List<Field> of(String kind) {
        List<Field> f = new ArrayList<>();
        switch (kind) {
            case "ocp" -> {
                f.add(text("duration", "Duration", "how long the cell rests at open circuit; " + TIME, "10 min"));
                f.add(text("interval", "Interval", "time between recorded potentials; " + TIME + ", at most the duration", "1 s"));
                f.add(label("OCP rest"));
                f.add(gas());
            }
            case "ca" -> {
                f.add(potential("potential", "Potential", "the potential the electrode is held at; " + POTENTIAL, "-0.5 V"));
                f.add(text("duration", "Duration", "how long the potential is held; " + TIME, "1 h"));
                f.add(text("interval", "Interval", "time between recorded currents; " + TIME + ", at most the duration", "100 ms"));
                f.add(text("current_range", "Current range", RANGE, "auto"));
                aliquot(f);
                f.add(label("CA at the potential"));
                f.add(gas());
            }
            case "ca_series" -> {
                f.add(new Field("potentials", "Potentials", Type.POTENTIAL_LIST, List.of(), "one CA step at each potential, in"
                        + " order, separated by commas; " + POTENTIAL, "-0.4 V, -0.5 V"));
                f.add(text("duration", "Duration", "how long each potential is held; " + TIME, "1 h"));
                f.add(text("interval", "Interval", "time between recorded currents; " + TIME + ", at most the duration", "100 ms"));
                f.add(text("current_range", "Current range", RANGE, "auto"));
                f.add(text("rest_before.duration", "Rest before: duration", "optional: an open-circuit rest this long before"
                        + " each potential; " + TIME, ""));
                f.add(text("rest_before.interval", "Rest before: interval", "time between recorded potentials of that rest; "
                        + TIME, ""));
                f.add(text("hold_after.message", "Hold after: message", "optional: a hold after each potential, asking the"
                        + " operator this (e.g. replace the catholyte and take a 1 mL aliquot)", ""));
                f.add(choice("hold_after.cell", "Hold after: cell", "off (cell switched off while waiting) or ocp (off, the"
                        + " open-circuit potential recorded)", "off", "ocp"));
                f.add(text("hold_after.timeout", "Hold after: timeout", "optional: the longest the run waits; " + TIME, ""));
                f.add(choice("hold_after.on_timeout", "Hold after: on timeout", "needs a timeout: continue (go on with the"
                        + " next step) or abort (end the run, cell off)", "continue", "abort"));
                f.add(text("hold_after.aliquot.volume", "Hold after: aliquot", "optional: the aliquot the operator takes at"
                        + " the hold, e.g. 1 mL", ""));
                f.add(text("aliquot.volume", "Aliquot volume", "optional: an aliquot the autosampler takes after each"
                        + " potential, a volume such as 1 mL", ""));
                f.add(choice("aliquot.replaced", "Aliquot replaced", "true when fresh electrolyte replaces the aliquot,"
                        + " false (the default) when it is only withdrawn", "true", "false"));
                f.add(gas());
            }
            case "lsv" -> {
                f.add(potential("start", "Start", "where the sweep starts; " + POTENTIAL, "0.3 V"));
                f.add(potential("end", "End", "where the sweep ends, different from the start; " + POTENTIAL, "-0.8 V"));
                f.add(text("scan_rate", "Scan rate", "how fast the potential moves, in mV/s or V/s, greater than zero", "5 mV/s"));
                f.add(text("step", "Potential step", "the potential step between points, in mV or V, at most the span from"
                        + " start to end (typically 1 to 10 mV)", "2 mV"));
                f.add(text("current_range", "Current range", RANGE, "auto"));
                f.add(label("LSV at the scan rate"));
                f.add(gas());
            }
            case "cv" -> {
                f.add(potential("begin", "Begin", "optional: where each cycle begins and ends, between the vertices; left out,"
                        + " at vertex1; " + POTENTIAL, ""));
                f.add(potential("vertex1", "Vertex 1", "the first vertex; " + POTENTIAL, "0.4 V"));
                f.add(potential("vertex2", "Vertex 2", "the second vertex, different from vertex1; " + POTENTIAL, "0.3 V"));
                f.add(text("cycles", "Cycles", "how many cycles, a whole number 1 .. 10000 (default 1)", "3"));
                f.add(text("scan_rate", "Scan rate", "how fast the potential moves, in mV/s or V/s, greater than zero", "20 mV/s"));
                f.add(text("step", "Potential step", "the potential step between points, in mV or V, at most the window"
                        + " between the vertices", "1 mV"));
                f.add(text("current_range", "Current range", RANGE, "auto"));
                f.add(label("CV at the scan rate"));
                f.add(gas());
            }
            case "cp" -> {
                f.add(text("current", "Current", "the set current, cathodic negative: in A, mA or µA, or a current density in"
                        + " mA/cm2 that the cell's electrode area turns into a current", "-10 mA"));
                f.add(text("duration", "Duration", "how long the current is held; " + TIME, "1 h"));
                f.add(text("interval", "Interval", "time between recorded potentials; " + TIME + ", at most the duration", "1 s"));
                f.add(potential("limits.min", "Lower limit", "optional: the step stops below this; " + POTENTIAL, ""));
                f.add(potential("limits.max", "Upper limit", "optional: the step stops above this, above the lower limit; "
                        + POTENTIAL, ""));
                f.add(text("current_range", "Current range", RANGE + "; a fixed range must hold the current", "auto"));
                f.add(label("CP at the current"));
                f.add(gas());
            }
            case "eis" -> {
                f.add(potential("potential", "DC potential", "the DC potential of the spectrum; " + POTENTIAL
                        + "; or leave it out and write at: ocp", "-0.4 V"));
                f.add(choice("at", "At", "ocp: at the open-circuit potential measured just before the spectrum (instead"
                        + " of a DC potential)", "ocp"));
                f.add(text("offset", "Offset from OCP", "optional, only with at: ocp: this far from the open-circuit"
                        + " potential, -1 V .. +1 V", ""));
                f.add(text("amplitude", "Amplitude", "the AC amplitude with rms or peak (peak is converted: rms = peak /"
                        + " 1.414); at most 50 mV rms, 5 to 10 mV rms is usual", "10 mV rms"));
                f.add(text("from", "From (highest)", "the highest frequency, measured first: Hz, kHz or MHz, at most 10 MHz",
                        "100 kHz"));
                f.add(text("to", "To (lowest)", "the lowest frequency, measured last: greater than 0, at most from (mHz is"
                        + " millihertz)", "0.1 Hz"));
                f.add(text("per_decade", "Points per decade", "log-spaced points per decade, both ends included, 1 .. 100",
                        "10"));
                f.add(new Field("frequencies", "Frequencies", Type.LIST, List.of(), "or, instead of from/to/per_decade, a"
                        + " list of frequencies, highest first, separated by commas", ""));
                f.add(text("current_range", "Current range", RANGE, "auto"));
                f.add(label("EIS at the potential"));
                f.add(gas());
            }
            case "hold" -> {
                f.add(text("message", "Message", "what the operator is asked to do, shown as written; the run waits until"
                        + " the operator continues", "Take a 1 mL aliquot, then continue"));
                f.add(choice("cell", "Cell", "off (the cell is switched off while the run waits) or ocp (off, and the"
                        + " open-circuit potential is recorded)", "off", "ocp"));
                f.add(text("interval", "Interval", "only with cell: ocp: time between recorded potentials; " + TIME, ""));
                f.add(text("timeout", "Timeout", "optional: the longest the run waits, in wall time; " + TIME, ""));
                f.add(choice("on_timeout", "On timeout", "needs a timeout: continue (go on with the next step) or abort"
                        + " (end the run, cell off)", "continue", "abort"));
                aliquot(f);
                f.add(choice("new_electrolyte", "New electrolyte", "true when the operator puts in a new batch of"
                        + " electrolyte here (electrolyte: accumulate starts a new batch after it)", "true", "false"));
                f.add(label("Hold: the message"));
            }
            case "repeat" -> {
                f.add(text("times", "Times", "how many cycles the block runs, a whole number 1 .. 1000; each cycle is"
                        + " stored as its own steps", "3"));
                f.add(text("label", "Label", "optional: the block's name in analyze --cycles and reports; left out, repeat",
                        ""));
            }
            default -> {
                return List.of();
            }
        }
        return List.copyOf(f);
    }

    /** The protocol-level fields: name, description, the cell block, the electrolyte, the safety block. */
    public static List<Field> protocol() {
        List<Field> f = new ArrayList<>();
        f.add(text("name", "Name", "the protocol's name, shown by plan, run, the Sessions tab and reports", "New protocol"));
        f.add(text("description", "Description", "optional: one line on what the protocol does", ""));
        f.add(text("cell.reference_electrode", "Reference electrode", "optional: Ag/AgCl (sat. KCl), Ag/AgCl (3 M KCl),"
                + " SCE (sat. KCl), Hg/HgO (1 M KOH) or RHE; left out, config/site.yaml's", ""));
        f.add(text("cell.ph", "pH", "optional: the measured pH of the electrolyte, -1 .. 15; it sets the RHE scale", ""));
        f.add(text("cell.temperature", "Temperature", "optional: the cell temperature, e.g. 25 C", ""));
        f.add(text("cell.electrode_area", "Electrode area", "optional: the geometric area of the working electrode, e.g."
                + " 1 cm2", ""));
        f.add(text("cell.catalyst_loading", "Catalyst loading", "optional: e.g. 0.5 mg/cm2, for yields per mg", ""));
        f.add(text("cell.electrolyte_volume", "Electrolyte volume", "optional: the catholyte volume, e.g. 35 mL", ""));
        f.add(choice("cell.gas", "Gas", "optional: Ar or NO, the gas every measuring step runs under unless it names its"
                + " own", "Ar", "NO"));
        f.add(choice("electrolyte", "Electrolyte", "refresh (the default: fresh catholyte for every CA step) or accumulate"
                + " (one batch for several steps)", "refresh", "accumulate"));
        f.add(choice("unattended", "Unattended", "true when nobody is at the bench: every hold then needs on_timeout",
                "true", "false"));
        f.add(choice("on_interruption", "On interruption", "what norrlab resume does with the step a crash or a lost link"
                + " interrupted: continue (the default), restart or skip", "continue", "restart", "skip"));
        f.add(potential("safety.potential_window.min", "Safety: lowest potential", "optional: the lowest potential"
                + " allowed, vs RHE", ""));
        f.add(potential("safety.potential_window.max", "Safety: highest potential", "optional: the highest potential"
                + " allowed, vs RHE", ""));
        f.add(text("safety.max_current", "Safety: max current", "optional: the largest |current| allowed, e.g. 500 mA", ""));
        f.add(text("safety.max_charge_per_step", "Safety: max charge", "optional: the largest charge of one step, in"
                + " coulombs, e.g. 500 C", ""));
        f.add(text("safety.max_step_duration", "Safety: max step duration", "optional: the longest a step may run; " + TIME,
                ""));
        f.add(text("safety.max_consecutive_overloads", "Safety: overloads in a row", "optional: how many overloaded"
                + " samples in a row stop the step, e.g. 50", ""));
        f.add(choice("safety.on_breach", "Safety: on breach", "optional: stop_step or stop_run when a limit is passed",
                "stop_step", "stop_run"));
        f.add(text("safety.watchdog", "Safety: watchdog", "optional: how long without a sample before the run stops; "
                + TIME, ""));
        return List.copyOf(f);
    }

    /** The field {@code key} of {@code kind} ("" for the protocol level), if the catalogue has it. */
    public static Optional<Field> find(String kind, String key) {
        List<Field> fields = kind.isEmpty() ? protocol() : of(kind);
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    private static void aliquot(List<Field> f) {
        f.add(text("aliquot.volume", "Aliquot volume", "optional: an aliquot for the NH3 assay taken after this step, a"
                + " volume such as 1 mL", ""));
        f.add(choice("aliquot.replaced", "Aliquot replaced", "true when fresh electrolyte replaces the aliquot, false (the"
                + " default) when it is only withdrawn", "true", "false"));
    }

    private static Field label(String defaultText) {
        return text("label", "Label", "optional: the step's name in plan, run and reports; left out, '" + defaultText + "'",
                "");
    }

    private static Field gas() {
        return choice("gas", "Gas", GAS, "Ar", "NO");
    }

    private static Field text(String key, String label, String comment, String example) {
        return new Field(key, label, Type.TEXT, List.of(), comment, example);
    }

    private static Field potential(String key, String label, String comment, String example) {
        return new Field(key, label, Type.POTENTIAL, List.of(), comment, example);
    }

    private static Field choice(String key, String label, String comment, String... words) {
        List<String> choices = new ArrayList<>();
        choices.add("");
        choices.addAll(List.of(words));
        return new Field(key, label, Type.CHOICE, choices, comment, "");
    }
}
