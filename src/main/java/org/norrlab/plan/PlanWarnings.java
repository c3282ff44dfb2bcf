package org.norrlab.plan;

import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.Gas;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rules for {@link PlanWarning}s, in one place so that {@code plan}, {@code run} and the docs agree.
 * <ul>
 * <li><b>Sign slip.</b> A NORR protocol reduces: its CA steps sit below 0 V vs RHE. A CA step above
 * {@value #OXIDISING_ABOVE_VOLTS} V vs RHE is flagged when the protocol's CA steps below 0 V vs RHE
 * outnumber those above {@value #OXIDISING_ABOVE_VOLTS} V (so "+0.6" among "-0.4, -0.5, -0.7" is flagged,
 * while a protocol that is mostly oxidising, or a single oxidising clean-up step after one reduction,
 * is not).</li>
 * <li><b>Every sign lost.</b> When every CA step is above {@value #OXIDISING_ABOVE_VOLTS} V vs RHE there is no
 * reducing step to compare with, and a NORR protocol written without its minus signs ("0.4 … 0.7 V vs RHE") looks
 * exactly like that: one warning names the steps.</li>
 * <li><b>Anodic current.</b> A CP current is cathodic negative (IUPAC), as NORR's is. A positive (anodic) CP current is
 * flagged whenever the protocol also has a reducing step (CA below 0 V vs RHE, CP with a negative current); when every
 * CP current is positive and no step reduces, one warning names them (the minus signs lost).</li>
 * <li><b>Gas switched without a hold.</b> A step whose gas differs from that of the measuring step before it, with
 * no operator hold in between: nobody is asked to switch the gas and saturate the electrolyte, so the step would
 * run in the old gas while its record says the new one.</li>
 * <li><b>Mixed scales.</b> One sweep whose potentials are written partly vs RHE and partly vs RE: each is
 * converted on its own, so the sweep is not the even staircase it looks like.</li>
 * </ul>
 */
public final class PlanWarnings {
    /** Above this, vs RHE, a CA step oxidises a NORR catalyst; 0.1 V leaves room for the near-0 V onset steps. */
    public static final double OXIDISING_ABOVE_VOLTS = 0.1;

    private PlanWarnings() {
    }

    /** Every CA step that looks like a sign slip in a reducing protocol, by the rule above. */
    static List<PlanWarning> signSlips(List<PlannedStep> steps) {
        List<PlannedStep.Chronoamperometry> cas = steps.stream()
                .flatMap(step -> step.asChronoamperometry().stream())
                .toList();
        List<PlannedStep.Chronoamperometry> oxidising = cas.stream().filter(ca -> ca.voltsVsRhe() > OXIDISING_ABOVE_VOLTS).toList();
        long reducing = cas.stream().filter(ca -> ca.voltsVsRhe() < 0).count();
        if (!cas.isEmpty() && oxidising.size() == cas.size()) {
            return List.of(everySignLost(oxidising));
        }
        if (oxidising.isEmpty() || reducing <= oxidising.size()) {
            return List.of();
        }
        List<PlanWarning> warnings = new ArrayList<>();
        for (PlannedStep.Chronoamperometry ca : oxidising) {
            warnings.add(new PlanWarning(named(ca) + String.format(Locale.ROOT, ": %+.3f V vs RHE is oxidising,"
                            + " while %d of the protocol's %d CA steps are below 0 V vs RHE (reducing, as NORR is); a sign"
                            + " slip? Write the potential with its minus sign, or run with this warning if the step is"
                            + " meant to oxidise", ca.voltsVsRhe(), reducing, cas.size())));
        }
        return warnings;
    }

    private static PlanWarning everySignLost(List<PlannedStep.Chronoamperometry> oxidising) {
        List<String> steps = oxidising.stream().map(PlanWarnings::named).toList();
        return new PlanWarning(String.format(Locale.ROOT, "all %d CA steps are above %+.1f V vs RHE (oxidising), and NORR"
                + " reduces: were the minus signs lost? %s. Write the potentials with their minus signs, or run with this"
                + " warning if the protocol is meant to oxidise", oxidising.size(), OXIDISING_ABOVE_VOLTS,
                String.join(", ", steps)));
    }

    /** A step as every warning names it: its number, label and protocol line. */
    private static String named(PlannedStep step) {
        return String.format(Locale.ROOT, "step %d (%s, %s)", step.index(), step.label(), step.source());
    }

    /** One sweep (written at {@code sweep}) whose potentials use both scales; empty when they share one. */
    static Optional<PlanWarning> mixedScales(Location sweep, List<Potential> potentials) {
        List<String> vsRhe = potentials.stream().filter(p -> p.scale() == Potential.Scale.RHE).map(Potential::toString).toList();
        List<String> vsRe = potentials.stream().filter(p -> p.scale() == Potential.Scale.RE).map(Potential::toString).toList();
        if (vsRhe.isEmpty() || vsRe.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PlanWarning("sweep at " + sweep + " mixes potentials vs RHE (" + String.join(", ", vsRhe)
                + ") and vs RE (" + String.join(", ", vsRe) + "); each is converted on its own, so the steps are not"
                + " evenly spaced on either scale: write every potential of the sweep vs RHE (or every one vs RE)"));
    }

    /** Every anodic CP step that looks like a sign slip, by the rule above. */
    static List<PlanWarning> anodicCurrents(List<PlannedStep> steps) {
        List<PlannedStep.Chronopotentiometry> anodic = new ArrayList<>();
        long reducing = 0;
        for (PlannedStep step : steps) {
            reducing += step.match(ocp -> 0, ca -> ca.voltsVsRhe() < 0 ? 1 : 0, hold -> 0, lsv -> 0, cv -> 0,
                    cp -> cp.currentAmperes() < 0 ? 1 : 0, eis -> 0);
            Optional<PlannedStep.Chronopotentiometry> none = Optional.empty();
            step.match(ocp -> none, ca -> none, hold -> none, lsv -> none, cv -> none,
                    cp -> Optional.of(cp).filter(c -> c.currentAmperes() > 0), eis -> none).ifPresent(anodic::add);
        }
        if (anodic.isEmpty()) {
            return List.of();
        }
        if (reducing == 0) {
            List<String> named = anodic.stream().map(PlanWarnings::named).toList();
            return List.of(new PlanWarning("every CP current is positive (anodic, oxidising), and NORR reduces: were the"
                    + " minus signs lost? " + String.join(", ", named) + ". A cathodic current is written negative, e.g."
                    + " current: -10 mA; run with this warning if the protocol is meant to oxidise"));
        }
        // Unlike a CA clean-up step at an oxidising potential, an anodic CP step in a NORR protocol is rare enough that
        // one reducing step beside it makes it worth a question (a trial wrote "current: 10 mA" after one CA step).
        List<PlanWarning> warnings = new ArrayList<>();
        for (PlannedStep.Chronopotentiometry cp : anodic) {
            warnings.add(new PlanWarning(named(cp) + String.format(Locale.ROOT, ": the current %s is positive (anodic,"
                    + " oxidising), while the protocol has %d reducing step%s (CA below 0 V vs RHE, CP with a negative"
                    + " current); a sign slip? A cathodic current is written negative, e.g. current: -%s; run with this"
                    + " warning if the step is meant to oxidise", cp.currentAsWritten(), reducing, reducing == 1 ? "" : "s",
                    cp.currentAsWritten().replaceFirst("^\\+", ""))));
        }
        return warnings;
    }

    /** Every measuring step whose gas differs from the one before it with no hold in between, by the rule above. */
    static List<PlanWarning> gasSwitches(List<PlannedStep> steps) {
        List<PlanWarning> warnings = new ArrayList<>();
        PlannedStep lastWithGas = null;
        boolean holdSince = false;
        for (PlannedStep step : steps) {
            if (step.isHold()) {
                holdSince = true;
                continue;
            }
            Optional<Gas> gas = step.context().gas();
            if (gas.isEmpty()) {
                continue;
            }
            if (lastWithGas != null && !holdSince && lastWithGas.context().gas().get() != gas.get()) {
                Gas before = lastWithGas.context().gas().get();
                warnings.add(new PlanWarning(named(step) + String.format(Locale.ROOT, " runs under %s, step %d (%s)"
                                + " before it under %s, with no hold in between: nobody is asked to switch the gas and"
                                + " saturate the electrolyte. Add a hold before step %d, e.g. '- hold: {message: Switch the"
                                + " gas to %s and saturate for 30 min}'", gas.get().written(), lastWithGas.index(), lastWithGas.label(), before.written(), step.index(),
                        gas.get().written())));
            }
            lastWithGas = step;
            holdSince = false;
        }
        return warnings;
    }
}
