package org.norrlab.plan;

import org.norrlab.config.Location;
import org.norrlab.config.Potential;

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
            warnings.add(new PlanWarning(String.format(Locale.ROOT, "step %d (%s, %s): %+.3f V vs RHE is oxidising,"
                            + " while %d of the protocol's %d CA steps are below 0 V vs RHE (reducing, as NORR is); a sign"
                            + " slip? Write the potential with its minus sign, or run with this warning if the step is"
                            + " meant to oxidise", ca.index(), ca.label(), ca.source(), ca.voltsVsRhe(), reducing,
                    cas.size())));
        }
        return warnings;
    }

    private static PlanWarning everySignLost(List<PlannedStep.Chronoamperometry> oxidising) {
        List<String> steps = oxidising.stream().map(ca -> String.format(Locale.ROOT, "step %d (%s, %s)", ca.index(),
                ca.label(), ca.source())).toList();
        return new PlanWarning(String.format(Locale.ROOT, "all %d CA steps are above %+.1f V vs RHE (oxidising), and NORR"
                + " reduces: were the minus signs lost? %s. Write the potentials with their minus signs, or run with this"
                + " warning if the protocol is meant to oxidise", oxidising.size(), OXIDISING_ABOVE_VOLTS,
                String.join(", ", steps)));
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
}
