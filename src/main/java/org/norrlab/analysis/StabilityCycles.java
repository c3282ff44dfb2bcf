package org.norrlab.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A stability test as NORR papers report it: the same electrolysis repeated in cycles, FE and NH3 yield per
 * cycle, their mean, standard deviation and the relative change from the first cycle to the last.
 *
 * <p>A cycle's CA steps at one potential count as one electrolysis: their charges are summed, their products are
 * summed, and FE and yield are computed from those sums (so a cycle of two 30 min CA steps reads as one of 1 h).
 * A cycle with CA steps at different potentials (a repeated sweep) is split by potential: each potential becomes a
 * series of its own, followed over the cycles, because summing the charge of −0.4 V and −0.7 V steps would give an
 * FE that belongs to neither. A product is summed only where every CA step of the group has it: if one step has
 * no NH3 assay, the cycle's NH3 FE is not available rather than the FE of only part of its charge.
 */
public final class StabilityCycles {
    /** Potentials closer than this (V) are one potential: the protocol writes them in mV at most. */
    private static final double SAME_POTENTIAL_MILLIVOLTS = 1.0;

    private StabilityCycles() {
    }

    /** One CA step of a repeat block, with the amounts found for it (net of controls). */
    public record CaStep(int step, int cycle, double voltsVsRhe, Charge charge, double seconds,
                         Map<Product, ProductAmount> amounts, Set<Product> controlSubtracted) {
        public CaStep {
            amounts = Map.copyOf(amounts);
            controlSubtracted = Set.copyOf(controlSubtracted);
        }
    }

    /** One cycle at one potential: the steps summed, and FE and yield of the sums. */
    public record Cycle(int cycle, List<Integer> steps, Charge charge, double seconds, FaradaicAnalysis.Outcome outcome,
                        List<String> notes) {
        public Cycle {
            steps = List.copyOf(steps);
            notes = List.copyOf(notes);
        }

        /** FE of NH3 as a fraction; empty when not measured on every step of the cycle or below the LOD. */
        public Optional<Measure> nh3FaradaicEfficiency() {
            return Optional.ofNullable(outcome.products().get(Product.NH3)).filter(StabilityCycles::shown)
                    .map(ProductResult::faradaicEfficiency);
        }

        /** Sum of FE over the products measured on every step; empty when none is, or one is below the LOD. */
        public Optional<Measure> faradaicEfficiencySum() {
            return outcome.products().values().stream().allMatch(StabilityCycles::shown)
                    ? outcome.faradaicEfficiencySum() : Optional.empty();
        }

        /** NH3 yield in µmol h⁻¹ cm⁻² over the summed duration of the cycle's CA steps. */
        public Optional<Measure> nh3Yield() {
            return nh3FaradaicEfficiency().isPresent()
                    ? outcome.nh3Yield().map(Nh3Yield::micromolPerHourPerCm2) : Optional.empty();
        }
    }

    /** Mean, sample standard deviation (n − 1) and relative change first → last (%); NaN where not available. */
    public record Spread(int n, double mean, double standardDeviation, double relativeChangePercent) {
    }

    /** The cycles of one potential with the spread of each quantity over them (FE as fractions, yield µmol h⁻¹ cm⁻²). */
    public record Series(double voltsVsRhe, List<Cycle> cycles, Spread nh3FaradaicEfficiency, Spread faradaicEfficiencySum,
                         Spread nh3Yield) {
        public Series {
            cycles = List.copyOf(cycles);
        }
    }

    public static List<Series> evaluate(List<CaStep> steps, double areaCm2, double loadingMgPerCm2) {
        Map<Long, Map<Integer, List<CaStep>>> byPotential = new TreeMap<>((a, b) -> Long.compare(b, a));
        for (CaStep step : steps) {
            long millivolts = Math.round(step.voltsVsRhe() * 1000 / SAME_POTENTIAL_MILLIVOLTS);
            byPotential.computeIfAbsent(millivolts, k -> new TreeMap<>())
                    .computeIfAbsent(step.cycle(), k -> new ArrayList<>()).add(step);
        }
        List<Series> series = new ArrayList<>();
        for (Map<Integer, List<CaStep>> cycles : byPotential.values()) {
            List<Cycle> list = new ArrayList<>();
            double volts = Double.NaN;
            for (Map.Entry<Integer, List<CaStep>> entry : cycles.entrySet()) {
                list.add(cycle(entry.getKey(), entry.getValue(), areaCm2, loadingMgPerCm2));
                volts = entry.getValue().get(0).voltsVsRhe();
            }
            series.add(new Series(volts, list,
                    spread(list.stream().map(c -> value(c.nh3FaradaicEfficiency())).toList()),
                    spread(list.stream().map(c -> value(c.faradaicEfficiencySum())).toList()),
                    spread(list.stream().map(c -> value(c.nh3Yield())).toList())));
        }
        return series;
    }

    static Cycle cycle(int number, List<CaStep> steps, double areaCm2, double loadingMgPerCm2) {
        double coulombs = 0;
        double seconds = 0;
        List<Integer> indices = new ArrayList<>();
        for (CaStep step : steps) {
            coulombs += step.charge().coulombs();
            seconds += step.seconds();
            indices.add(step.step());
        }
        Set<Product> measured = EnumSet.noneOf(Product.class);
        steps.forEach(s -> measured.addAll(s.amounts().keySet()));
        Map<Product, ProductAmount> summed = new EnumMap<>(Product.class);
        Map<Product, Boolean> subtracted = new EnumMap<>(Product.class);
        List<String> notes = new ArrayList<>();
        for (Product product : measured) {
            List<Integer> without = steps.stream().filter(s -> !s.amounts().containsKey(product)).map(CaStep::step).toList();
            if (!without.isEmpty()) {
                notes.add(String.format(Locale.ROOT, "%s not assayed on step %s: the cycle's %s FE is not available"
                        + " (it would cover only part of the cycle's charge)", product, join(without), product));
                continue;
            }
            Measure moles = null;
            Set<AssayFlag> flags = EnumSet.noneOf(AssayFlag.class);
            for (CaStep step : steps) {
                ProductAmount amount = step.amounts().get(product);
                moles = moles == null ? amount.amount().moles() : moles.plus(amount.amount().moles());
                flags.addAll(amount.flags());
            }
            summed.put(product, new ProductAmount(product, new Amount(moles), flags));
            subtracted.put(product, steps.stream().anyMatch(s -> s.controlSubtracted().contains(product)));
        }
        if (measured.isEmpty()) {
            notes.add("no assay results for step " + join(indices) + ": FE and yield are not available");
        }
        if (steps.size() > 1) {
            notes.add("charge and products summed over steps " + join(indices));
        }
        FaradaicAnalysis.Outcome outcome = FaradaicAnalysis.evaluate(new Charge(coulombs), Math.max(seconds, 1e-9), areaCm2,
                loadingMgPerCm2, summed, subtracted);
        return new Cycle(number, indices, new Charge(coulombs), seconds, outcome, notes);
    }

    /**
     * Values per cycle in cycle order, NaN where a cycle has none. Mean and SD over the available ones; the relative
     * change compares the first cycle with the last and is not available when either is missing (a change measured
     * from cycle 2 would read as if from cycle 1).
     */
    public static Spread spread(List<Double> perCycle) {
        List<Double> available = perCycle.stream().filter(v -> !Double.isNaN(v)).toList();
        int n = available.size();
        double mean = n == 0 ? Double.NaN : available.stream().mapToDouble(Double::doubleValue).sum() / n;
        double sd = n < 2 ? Double.NaN
                : Math.sqrt(available.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (n - 1));
        double change = Double.NaN;
        if (perCycle.size() >= 2) {
            double first = perCycle.get(0);
            double last = perCycle.get(perCycle.size() - 1);
            if (!Double.isNaN(first) && !Double.isNaN(last) && first != 0) {
                change = (last - first) / Math.abs(first) * 100;
            }
        }
        return new Spread(n, mean, sd, change);
    }

    private static boolean shown(ProductResult result) {
        return result.amount().flags().stream().noneMatch(AssayFlag::hidesValue);
    }

    private static double value(Optional<Measure> measure) {
        return measure.map(Measure::value).orElse(Double.NaN);
    }

    private static String join(List<Integer> steps) {
        return String.join(", ", steps.stream().map(String::valueOf).toList());
    }
}
