package org.norrlab.electrochem;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A reference electrode and its potential vs SHE at 25 °C.
 *
 * @param source where the value comes from ("table value", or what the operator wrote), stored so
 *               that a conversion can be audited later
 */
public record ReferenceElectrode(String name, double e0VsSheVolts, String source) {

    /** Table values at 25 °C (norr-science reference, section "Potentials"). */
    public static final List<ReferenceElectrode> KNOWN = List.of(
            new ReferenceElectrode("Ag/AgCl (sat. KCl)", 0.197, "table value, 25 °C"),
            new ReferenceElectrode("Ag/AgCl (3 M KCl)", 0.210, "table value, 25 °C"),
            new ReferenceElectrode("SCE (sat. KCl)", 0.241, "table value, 25 °C"),
            new ReferenceElectrode("Hg/HgO (1 M KOH)", 0.098, "table value (standard potential), 25 °C"),
            new ReferenceElectrode("RHE", 0.0, "definition"));

    public ReferenceElectrode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (!Double.isFinite(e0VsSheVolts)) {
            throw new IllegalArgumentException("reference electrode potential must be finite");
        }
    }

    /** True for the RHE itself: its potential moves with pH, so no pH term applies. */
    public boolean isRhe() {
        return name.equalsIgnoreCase("RHE");
    }

    /** Finds a known electrode by a forgiving spelling ("Ag/AgCl sat KCl", "ag/agcl (sat. kcl)", "SCE"). */
    public static Optional<ReferenceElectrode> known(String written) {
        String key = squash(written);
        for (ReferenceElectrode electrode : KNOWN) {
            if (squash(electrode.name).equals(key)) {
                return Optional.of(electrode);
            }
        }
        return switch (key) {
            case "sce" -> known("SCE (sat. KCl)");
            // A name without its filling ("Ag/AgCl", "Hg/HgO") is not known: the filling sets the potential.
            case "agagclsat", "agagclsatkcl" -> known("Ag/AgCl (sat. KCl)");
            case "agagcl3m", "agagcl3mkcl" -> known("Ag/AgCl (3 M KCl)");
            default -> Optional.empty();
        };
    }

    public static String knownNames() {
        return String.join(", ", KNOWN.stream().map(ReferenceElectrode::name).toList());
    }

    private static String squash(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").replace("saturated", "sat");
    }
}
