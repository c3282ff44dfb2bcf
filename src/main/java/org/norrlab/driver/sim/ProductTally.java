package org.norrlab.driver.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulator's ground truth for one step: the charge that really passed and the moles of each
 * product really made. The analysis never sees this; tests compare against it.
 *
 * @param chargeCoulombs magnitude of the cathodic charge, charging current included
 */
public record ProductTally(double chargeCoulombs, double nh3Mol, double nh2ohMol, double n2oMol, double n2Mol,
                           double h2Mol) {

    public static final ProductTally ZERO = new ProductTally(0, 0, 0, 0, 0, 0);

    public ProductTally plus(double charge, double nh3, double nh2oh, double n2o, double n2, double h2) {
        return new ProductTally(chargeCoulombs + charge, nh3Mol + nh3, nh2ohMol + nh2oh, n2oMol + n2o, n2Mol + n2,
                h2Mol + h2);
    }

    /** FE of NH3 from the truth: 5·F·n / Q. */
    public double nh3FaradaicEfficiency() {
        return chargeCoulombs == 0 ? 0 : 5 * KineticModel.FARADAY * nh3Mol / chargeCoulombs;
    }

    /** The values as stored in the session's SIMULATOR_TRUTH event. */
    public Map<String, Double> asValues() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("charge_C", chargeCoulombs);
        values.put("NH3_mol", nh3Mol);
        values.put("NH2OH_mol", nh2ohMol);
        values.put("N2O_mol", n2oMol);
        values.put("N2_mol", n2Mol);
        values.put("H2_mol", h2Mol);
        return values;
    }

    public static ProductTally fromValues(Map<String, Double> values) {
        return new ProductTally(values.get("charge_C"), values.get("NH3_mol"), values.get("NH2OH_mol"),
                values.get("N2O_mol"), values.get("N2_mol"), values.get("H2_mol"));
    }
}
