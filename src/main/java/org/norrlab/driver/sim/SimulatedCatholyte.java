package org.norrlab.driver.sim;

import org.norrlab.electrochem.CellSettings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulator's truth for one batch of catholyte: its volume and the moles of each product in it. Every
 * step run in the batch adds what it made ({@link #plus}); an aliquot takes its share c·v of every product
 * ({@link #afterAliquot}) and, unless fresh electrolyte replaces it, the volume with it. A new batch starts
 * empty ({@link #fresh}).
 *
 * <p>The simulator has no headspace: the gases it models (N2O, N2, H2) are tallied with the batch like the
 * dissolved products and leave with an aliquot in the same share. Only NH3 (and NH2OH) are assayed from the
 * liquid; the gas amounts are there so that every product the simulator makes is accounted for per batch.
 */
public record SimulatedCatholyte(double volumeMl, double nh3Mol, double nh2ohMol, double n2oMol, double n2Mol,
                                 double h2Mol) {

    public SimulatedCatholyte {
        if (!(volumeMl > 0) || !Double.isFinite(volumeMl)) {
            throw new IllegalArgumentException("a catholyte's volume must be positive, was " + volumeMl + " mL");
        }
    }

    /** A new batch of {@code volumeMl}, with nothing in it yet. */
    public static SimulatedCatholyte fresh(double volumeMl) {
        return new SimulatedCatholyte(volumeMl, 0, 0, 0, 0, 0);
    }

    /** A new batch of the cell's electrolyte volume, with nothing in it yet. */
    public static SimulatedCatholyte fresh(CellSettings cell) {
        return fresh(cell.electrolyteVolumeMl());
    }

    /** The batch after a step that made {@code step}'s products in it. */
    public SimulatedCatholyte plus(ProductTally step) {
        return new SimulatedCatholyte(volumeMl, nh3Mol + step.nh3Mol(), nh2ohMol + step.nh2ohMol(),
                n2oMol + step.n2oMol(), n2Mol + step.n2Mol(), h2Mol + step.h2Mol());
    }

    /**
     * The batch after an aliquot of {@code aliquotMl} was taken: every product keeps (V − v)/V of its amount;
     * the volume goes back to V when fresh electrolyte {@code replaced} the aliquot, else it becomes V − v.
     *
     * @throws IllegalArgumentException if the aliquot is not smaller than the batch
     */
    public SimulatedCatholyte afterAliquot(double aliquotMl, boolean replaced) {
        if (!(aliquotMl < volumeMl)) {
            throw new IllegalArgumentException("an aliquot of " + aliquotMl + " mL cannot be taken from a batch of "
                    + volumeMl + " mL");
        }
        double kept = (volumeMl - aliquotMl) / volumeMl;
        return new SimulatedCatholyte(replaced ? volumeMl : volumeMl - aliquotMl, nh3Mol * kept, nh2ohMol * kept,
                n2oMol * kept, n2Mol * kept, h2Mol * kept);
    }

    /** NH3 concentration in mol per mL. */
    public double nh3MolPerMl() {
        return nh3Mol / volumeMl;
    }

    /** The batch as values of a SIMULATOR_TRUTH event, each key starting with {@code prefix}. */
    public Map<String, Double> asValues(String prefix) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(prefix + "volume_mL", volumeMl);
        values.put(prefix + "NH3_mol", nh3Mol);
        values.put(prefix + "NH2OH_mol", nh2ohMol);
        values.put(prefix + "N2O_mol", n2oMol);
        values.put(prefix + "N2_mol", n2Mol);
        values.put(prefix + "H2_mol", h2Mol);
        return values;
    }

    /** The batch as written by {@link #asValues} with the same prefix. */
    public static SimulatedCatholyte fromValues(Map<String, Double> values, String prefix) {
        return new SimulatedCatholyte(values.get(prefix + "volume_mL"), values.get(prefix + "NH3_mol"),
                values.get(prefix + "NH2OH_mol"), values.get(prefix + "N2O_mol"), values.get(prefix + "N2_mol"),
                values.get(prefix + "H2_mol"));
    }
}
