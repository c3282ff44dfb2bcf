package org.norrlab.plan;

import org.norrlab.config.ConfigException;
import org.norrlab.config.Dimension;
import org.norrlab.config.Quantities;
import org.norrlab.config.YamlNode;
import org.norrlab.core.ImpedanceTiming;
import org.norrlab.electrochem.RheScale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code eis} step of a protocol (for {@link ProtocolLoader}): an impedance spectrum at a DC potential (vs RHE
 * or vs RE, as a CA step's) or at open circuit with an optional offset, with a small AC amplitude, over log-spaced
 * frequencies ({@code from}, {@code to}, {@code per_decade}) or a list of them. Every refusal names the file, line and
 * field, and what is allowed.
 *
 * <p>The amplitude must say whether it is rms or peak: instruments and papers use both, and a peak value read as rms
 * (or the other way round) is off by √2 without anything looking wrong. A peak amplitude is converted to rms (÷ √2),
 * which is what norrlab stores and instruments are asked for. Above {@link #MAX_AMPLITUDE_RMS_VOLTS} it is refused:
 * the spectrum is only an impedance (and R_u only what the fit says) while the cell answers linearly, which needs a
 * few mV; a larger amplitude gives a distorted spectrum that still fits, to a wrong R_u.
 */
final class ImpedanceSteps {
    /** The largest AC amplitude accepted, rms: a linear response of the cell needs a few mV (10 mV rms is usual). */
    static final double MAX_AMPLITUDE_RMS_VOLTS = 0.050;
    /** The highest frequency accepted: above this no potentiostat measures, so it is a typing slip (MHz for mHz). */
    static final double MAX_FREQUENCY_HZ = 10e6;
    /** The most points per decade accepted; vendor suites offer up to a few dozen. */
    static final long MAX_PER_DECADE = 100;
    /** The most frequencies in one spectrum. */
    static final int MAX_FREQUENCIES = 1000;
    /** The largest offset from open circuit accepted, either way: further off is no longer "at open circuit". */
    static final double MAX_OCP_OFFSET_VOLTS = 1.0;

    private static final Pattern AMPLITUDE = Pattern.compile("^(.*?)\\s*\\b(rms|peak|pk)$", Pattern.CASE_INSENSITIVE);

    private ImpedanceSteps() {
    }

    /**
     * {@code eis: {potential | at: ocp (offset), amplitude, from, to, per_decade | frequencies, current_range, label,
     * gas}}.
     */
    static PlannedStep.Impedance impedance(int index, YamlNode.Mapping body, RheScale scale, YamlNode item)
            throws ConfigException {
        body.allowOnly("label", "potential", "at", "offset", "amplitude", "from", "to", "per_decade", "frequencies",
                "current_range", "gas");
        Optional<PlannedPotential> dc = Optional.empty();
        double offset = 0;
        boolean atPotential = body.get("potential").isPresent();
        boolean atOcp = body.get("at").isPresent();
        if (atPotential == atOcp) {
            throw body.error((atPotential ? "has both potential and at" : "has"
                    + " neither potential nor at") + "; an eis step is measured either at a DC potential (potential:"
                    + " -0.4 V vs RHE) or at open circuit (at: ocp, with an optional offset: 10 mV)");
        }
        if (atPotential) {
            if (body.get("offset").isPresent()) {
                throw body.require("offset").error("only goes with at: ocp (an offset from the open-circuit"
                        + " potential); with potential: write the DC potential itself");
            }
            dc = Optional.of(ProtocolLoader.onBothScales(Quantities.potential(body.require("potential")), scale));
        } else {
            YamlNode at = body.require("at");
            String written = at.isEmpty() ? "" : at.asScalar().text().trim();
            if (!written.equalsIgnoreCase("ocp")) {
                throw at.error((written.isEmpty() ? "is empty" : "'" + written + "' is not allowed")
                        + "; allowed: ocp (the open-circuit potential measured just before the spectrum); for a set"
                        + " potential write potential: -0.4 V vs RHE instead");
            }
            if (body.get("offset").isPresent()) {
                YamlNode node = body.require("offset");
                offset = Quantities.parse(node, Dimension.POTENTIAL);
                if (Math.abs(offset) > MAX_OCP_OFFSET_VOLTS) {
                    throw node.error("'" + node.asScalar().text().trim() + "' is too far from open circuit; allowed: -1 V"
                            + " .. +1 V (further off, write the DC potential itself with potential:)");
                }
            }
        }
        double amplitude = amplitudeRms(body.require("amplitude"));
        List<Double> frequencies = frequencies(body);
        String label = body.text("label").orElse(dc.map(p -> "EIS at " + p.asWritten())
                .orElse(offset == 0 ? "EIS at OCP" : String.format(Locale.ROOT, "EIS at OCP %+.0f mV", offset * 1e3)));
        return new PlannedStep.Impedance(index, label, dc, offset, amplitude, frequencies,
                ProtocolLoader.currentRange(body), item.location(), StepContext.NONE);
    }

    /** {@code amplitude: 10 mV rms} or {@code 14 mV peak}: in volts rms, refused without rms/peak or above 50 mV rms. */
    static double amplitudeRms(YamlNode node) throws ConfigException {
        if (node.isEmpty()) {
            throw node.error("is empty; write the AC amplitude and whether it is rms or peak, e.g. '10 mV rms'");
        }
        YamlNode.Scalar scalar = node.asScalar();
        String written = scalar.text().trim();
        Matcher m = AMPLITUDE.matcher(written);
        if (!m.matches()) {
            throw node.error("'" + written + "' does not say whether it is rms or peak; write e.g. '10 mV rms' or"
                    + " '14 mV peak' (a peak amplitude is converted to rms: peak / √2)");
        }
        boolean peak = !m.group(2).equalsIgnoreCase("rms");
        double volts = Quantities.parse(new YamlNode.Scalar(m.group(1), scalar.location(), scalar.path()),
                Dimension.POTENTIAL);
        if (!(volts > 0)) {
            throw node.error("must be greater than zero, was '" + written + "'");
        }
        double rms = peak ? volts / Math.sqrt(2) : volts;
        if (rms > MAX_AMPLITUDE_RMS_VOLTS + 1e-12) {
            throw node.error(String.format(Locale.ROOT, "'%s'%s is too large for a linear response of the cell;"
                            + " allowed: up to 50 mV rms (70.7 mV peak); 5 to 10 mV rms is usual", written,
                    peak ? String.format(Locale.ROOT, " (%.1f mV rms)", rms * 1e3) : ""));
        }
        return rms;
    }

    /**
     * {@code from: 100 kHz, to: 0.1 Hz, per_decade: 10} (log-spaced, both ends included, see
     * {@link ImpedanceTiming#logSpaced}) or {@code frequencies: [100 kHz, 1 kHz, 10 Hz]}, highest first as measured.
     */
    private static List<Double> frequencies(YamlNode.Mapping body) throws ConfigException {
        boolean range = body.get("from").isPresent() || body.get("to").isPresent() || body.get("per_decade").isPresent();
        boolean list = body.get("frequencies").isPresent();
        if (range == list) {
            throw body.error((range ? "has both from/to/per_decade and"
                    + " frequencies" : "has no frequencies") + "; write a range (from: 100 kHz, to: 0.1 Hz, per_decade: 10)"
                    + " or a list (frequencies: [100 kHz, 1 kHz, 10 Hz])");
        }
        if (list) {
            YamlNode.Seq seq = body.require("frequencies").asSeq();
            if (seq.items().isEmpty()) {
                throw seq.error("lists no frequencies; write e.g. [100 kHz, 1 kHz, 10 Hz]");
            }
            if (seq.items().size() > MAX_FREQUENCIES) {
                throw seq.error(seq.items().size() + " frequencies are too many; allowed: at most " + MAX_FREQUENCIES);
            }
            List<Double> frequencies = new ArrayList<>();
            for (YamlNode node : seq.items()) {
                double f = frequency(node);
                if (!frequencies.isEmpty() && f >= frequencies.get(frequencies.size() - 1)) {
                    throw node.error("'" + node.asScalar().text().trim() + "' is not below the frequency before it ("
                            + PlannedStep.frequencyText(frequencies.get(frequencies.size() - 1)) + "); list the"
                            + " frequencies from the highest to the lowest, each once, as they are measured");
                }
                frequencies.add(f);
            }
            return frequencies;
        }
        double from = frequency(body.require("from"));
        YamlNode toNode = body.require("to");
        double to = frequency(toNode);
        if (to > from) {
            throw toNode.error("'" + toNode.asScalar().text().trim() + "' is above from (" + PlannedStep.frequencyText(from)
                    + "); a spectrum runs from the highest frequency (from) down to the lowest (to), so from must be at"
                    + " least to");
        }
        YamlNode perDecadeNode = body.require("per_decade");
        long perDecade = perDecadeNode.asScalar().integer("a whole number of points per decade, e.g. 10");
        if (perDecade < 1 || perDecade > MAX_PER_DECADE) {
            throw perDecadeNode.error(perDecade + " points per decade is not allowed; allowed: 1 .. " + MAX_PER_DECADE);
        }
        List<Double> frequencies = ImpedanceTiming.logSpaced(from, to, (int) perDecade);
        if (frequencies.size() > MAX_FREQUENCIES) {
            throw perDecadeNode.error(frequencies.size() + " frequencies are too many; allowed: at most "
                    + MAX_FREQUENCIES + " (fewer points per decade, or a narrower range)");
        }
        return frequencies;
    }

    /** One frequency: greater than zero and at most 10 MHz. */
    private static double frequency(YamlNode node) throws ConfigException {
        double hertz = Quantities.positive(node, Dimension.FREQUENCY);
        if (hertz > MAX_FREQUENCY_HZ) {
            throw node.error("'" + node.asScalar().text().trim() + "' is above 10 MHz, more than any potentiostat"
                    + " measures; allowed: greater than 0 Hz and at most 10 MHz (mHz is millihertz, MHz megahertz)");
        }
        return hertz;
    }
}
