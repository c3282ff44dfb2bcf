package org.norrlab.electrochem;

import org.norrlab.core.BadInputException;

import java.util.Objects;

/**
 * The cell an experiment runs in, resolved from config/site.yaml and the protocol's cell block.
 * Stored with every session so that a session explains itself without the files that made it.
 */
public record CellSettings(ReferenceElectrode referenceElectrode, double pH, double temperatureCelsius,
                           double electrodeAreaCm2, double catalystLoadingMgPerCm2, double electrolyteVolumeMl) {
    public CellSettings {
        Objects.requireNonNull(referenceElectrode, "referenceElectrode");
        if (!(pH >= -1 && pH <= 15)) {
            throw new BadInputException("pH must lie between -1 and 15, was " + pH);
        }
        if (!(temperatureCelsius > -30 && temperatureCelsius < 150)) {
            throw new BadInputException("temperature must lie between -30 and 150 °C, was " + temperatureCelsius);
        }
        if (!(electrodeAreaCm2 > 0)) {
            throw new BadInputException("electrode area must be > 0 cm², was " + electrodeAreaCm2);
        }
        if (!(catalystLoadingMgPerCm2 >= 0)) {
            throw new BadInputException("catalyst loading must be >= 0 mg/cm², was " + catalystLoadingMgPerCm2);
        }
        if (!(electrolyteVolumeMl > 0)) {
            throw new BadInputException("electrolyte volume must be > 0 mL, was " + electrolyteVolumeMl);
        }
    }

    public RheScale rheScale() {
        return new RheScale(referenceElectrode, pH, temperatureCelsius);
    }
}
