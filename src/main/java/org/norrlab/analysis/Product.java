package org.norrlab.analysis;

import org.norrlab.core.BadInputException;

import java.util.Locale;

/**
 * Products of NO reduction and the competing HER, with electrons per product molecule
 * (norr-science.md: N2O and N2 count per molecule of the gas, not per N atom) and molar masses.
 */
public enum Product {
    NH3(5, 17.031, "NH₃"),
    NH2OH(3, 33.030, "NH₂OH"),
    N2O(2, 44.013, "N₂O"),
    N2(4, 28.014, "N₂"),
    H2(2, 2.016, "H₂");

    public static final double FARADAY = 96485.332;

    private final int electrons;
    private final double molarMass;
    private final String formula;

    Product(int electrons, double molarMass, String formula) {
        this.electrons = electrons;
        this.molarMass = molarMass;
        this.formula = formula;
    }

    /** The formula with subscripts, for figures. */
    public String formula() {
        return formula;
    }

    public int electrons() {
        return electrons;
    }

    /** g/mol */
    public double molarMass() {
        return molarMass;
    }

    public static Product parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace("₃", "3").replace("₂", "2");
        for (Product product : values()) {
            if (product.name().equals(key)) {
                return product;
            }
        }
        if (key.equals("NH4+") || key.equals("NH4") || key.equals("AMMONIA") || key.equals("AMMONIUM")) {
            return NH3;
        }
        throw new BadInputException("'" + text + "' is not a product norrlab knows; allowed: NH3, NH2OH, N2O, N2, H2");
    }
}
