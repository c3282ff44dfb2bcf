package org.norrlab.cli;

import org.norrlab.electrochem.CellSettings;
import org.norrlab.store.CellSourceLines;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

    /** {@link CellSourceLines#of} as show and analyze print it: "Cell values from: …". */
    static Optional<String> sources(CellSettings cell, Map<String, String> recorded) {
        return CellSourceLines.of(cell, recorded).map(text -> "Cell values from: " + text);
    }

    static String number(double value) {
        return CellSourceLines.number(value);
    }
}
