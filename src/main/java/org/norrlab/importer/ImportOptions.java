package org.norrlab.importer;

import org.norrlab.config.Dimension;
import org.norrlab.config.Potential;
import org.norrlab.config.Quantities;
import org.norrlab.core.BadInputException;
import org.norrlab.core.Gas;
import org.norrlab.electrochem.ReferenceElectrode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator says about the files of an import, where the files are silent or wrong: the technique of
 * steps a file leaves as 'other', the set potential of CA steps, and cell values. An option wins over the file,
 * the file over config/site.yaml; each cell value keeps its source ("option --area 0.07 cm2").
 *
 * @param technique  the kind given to steps the file leaves as 'other' (ca, ocp, cv, lsv, cp)
 * @param potentials the set potentials of the CA steps in order, or one for all of them; empty: the files'
 * @param cell       the cell values given as options
 * @param gas        the gas in the electrolyte of every imported step (vendor files never state it); empty: not stated
 */
public record ImportOptions(Optional<String> technique, List<Potential> potentials, StatedCell cell, Optional<Gas> gas) {
    public static final List<String> TECHNIQUES = List.of("ca", "ocp", "cv", "lsv", "cp");
    public static final ImportOptions NONE = new ImportOptions(Optional.empty(), List.of(), StatedCell.NONE);

    public ImportOptions {
        Objects.requireNonNull(technique, "technique");
        Objects.requireNonNull(gas, "gas");
        potentials = List.copyOf(potentials);
        Objects.requireNonNull(cell, "cell");
        if (technique.isPresent() && !TECHNIQUES.contains(technique.get())) {
            throw new BadInputException("--technique '" + technique.get() + "' is not a technique norrlab stores; allowed: "
                    + String.join(", ", TECHNIQUES));
        }
    }

    /** Options that state no gas. */
    public ImportOptions(Optional<String> technique, List<Potential> potentials, StatedCell cell) {
        this(technique, potentials, cell, Optional.empty());
    }

    /** The same options with {@code --gas} as typed ({@code null}: not given). */
    public ImportOptions withGas(String written) {
        if (written == null) {
            return this;
        }
        Gas named = Gas.named(written).orElseThrow(() -> new BadInputException("--gas '" + written + "' is not a gas"
                + " norrlab knows; allowed: " + Gas.allowed()));
        return new ImportOptions(technique, potentials, cell, Optional.of(named));
    }

    /**
     * The options as typed ({@code null} for one not given), read with the units of the site file.
     *
     * @param potentials each element one value or a comma-separated list ("-0.3 V vs RHE, -0.5 V vs RHE")
     */
    public static ImportOptions parse(String technique, List<String> potentials, String area, String reference, String pH,
                                      String volume, String loading) {
        List<Potential> parsed = new ArrayList<>();
        for (String given : potentials == null ? List.<String>of() : potentials) {
            for (String one : given.split(",")) {
                parsed.add(Quantities.potential("--potential", one));
            }
        }
        StatedCell cell = new StatedCell(
                Optional.ofNullable(reference).map(r -> new StatedCell.Stated<>(referenceElectrode(r), source("--reference", r))),
                Optional.ofNullable(pH).map(p -> new StatedCell.Stated<>(pH(p), source("--ph", p))),
                Optional.empty(),
                Optional.ofNullable(area).map(a -> new StatedCell.Stated<>(positive("--area", a, Dimension.AREA),
                        source("--area", a))),
                Optional.ofNullable(loading).map(l -> new StatedCell.Stated<>(loading(l), source("--loading", l))),
                Optional.ofNullable(volume).map(v -> new StatedCell.Stated<>(positive("--volume", v, Dimension.VOLUME),
                        source("--volume", v))));
        return new ImportOptions(Optional.ofNullable(technique).map(t -> t.trim().toLowerCase(Locale.ROOT)), parsed, cell);
    }

    /** The set potential option {@code n} (from 1) of the CA steps gives, or empty when no option gives one. */
    Optional<Potential> potentialOfCaStep(int n) {
        if (potentials.size() == 1) {
            return Optional.of(potentials.get(0));
        }
        return n <= potentials.size() ? Optional.of(potentials.get(n - 1)) : Optional.empty();
    }

    private static String source(String option, String written) {
        return "option " + option + " '" + written.trim() + "'";
    }

    private static ReferenceElectrode referenceElectrode(String written) {
        return ReferenceElectrode.known(written).orElseThrow(() -> new BadInputException("--reference: '" + written
                + "' is not a reference electrode norrlab knows; use one of: " + ReferenceElectrode.knownNames()
                + " (another electrode goes in config/site.yaml as {name: ..., e0_vs_she: ...})"));
    }

    private static double pH(String written) {
        double value;
        try {
            value = Double.parseDouble(written.trim().replace('\u2212', '-'));
        } catch (NumberFormatException e) {
            throw new BadInputException("--ph: '" + written + "' is not a number; give the measured pH, e.g. --ph 13");
        }
        if (!(value >= -1 && value <= 15)) {
            throw new BadInputException("--ph: " + written + " is outside -1 .. 15");
        }
        return value;
    }

    private static double positive(String option, String written, Dimension dimension) {
        double value = Quantities.parse(option, written, dimension);
        if (!(value > 0)) {
            throw new BadInputException(option + ": must be greater than zero, was '" + written + "'");
        }
        return value;
    }

    private static double loading(String written) {
        double value = Quantities.parse("--loading", written, Dimension.MASS_LOADING);
        if (value < 0) {
            throw new BadInputException("--loading: must not be negative, was '" + written + "'");
        }
        return value;
    }
}
