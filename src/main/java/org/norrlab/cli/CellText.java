package org.norrlab.cli;

import org.norrlab.electrochem.CellSettings;

import java.util.Locale;

/** One line that says which cell a plan or session is for, including the RHE offset it implies. */
final class CellText {
    private CellText() {
    }

    static String describe(CellSettings cell) {
        return String.format(Locale.ROOT, "Cell: %s (%.3f V vs SHE, %s), pH %.2f, %.1f °C -> E vs RHE = E vs RE %+.4f V;"
                        + " electrode %.3g cm², loading %.3g mg/cm², electrolyte %.3g mL",
                cell.referenceElectrode().name(), cell.referenceElectrode().e0VsSheVolts(),
                cell.referenceElectrode().source(), cell.pH(), cell.temperatureCelsius(), cell.rheScale().offsetVolts(),
                cell.electrodeAreaCm2(), cell.catalystLoadingMgPerCm2(), cell.electrolyteVolumeMl());
    }
}
