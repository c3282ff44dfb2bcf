package org.norrlab.cli;

import org.norrlab.core.Units;
import org.norrlab.plan.PlannedStep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The "scan rate / current" and "gas" columns of the {@code plan} table: present only when a step sweeps the
 * potential, sets a current or measures a spectrum, or names the gas in the electrolyte, so tables of CA protocols read as before. They
 * go before the "line" column.
 */
final class SettingColumns {
    static final String SETTING_HEADER = "scan rate / current";
    static final String GAS_HEADER = "gas";

    private final boolean setting;
    private final boolean gas;

    private SettingColumns(boolean setting, boolean gas) {
        this.setting = setting;
        this.gas = gas;
    }

    static SettingColumns of(Collection<PlannedStep> steps) {
        return new SettingColumns(steps.stream().anyMatch(s -> s.isSweep() || s.kind().equals("cp")
                        || s.asImpedance().isPresent()),
                steps.stream().anyMatch(s -> s.context().gas().isPresent()));
    }

    /** The cells (or headers) with the wanted columns put before the last one (the protocol line). */
    String[] insert(String settingCell, String gasCell, String... cells) {
        List<String> all = new ArrayList<>(List.of(cells));
        int at = all.size() - 1;
        if (gas) {
            all.add(at, gasCell);
        }
        if (setting) {
            all.add(at, settingCell);
        }
        return all.toArray(String[]::new);
    }

    String[] headers(String... cells) {
        return insert(SETTING_HEADER, GAS_HEADER, cells);
    }

    String[] row(PlannedStep step, String... cells) {
        return insert(setting(step), step.context().gas().map(g -> g.written()).orElse("—"), cells);
    }

    /** A sweep's scan rate and potential step; a CP step's current as written and in mA; an EIS step's amplitude and frequency range; "—" for the others. */
    static String setting(PlannedStep step) {
        return step.match(ocp -> "—", ca -> "—", hold -> "—",
                lsv -> sweep(lsv.scanRateVoltsPerSecond(), lsv.stepVolts()),
                cv -> sweep(cv.scanRateVoltsPerSecond(), cv.stepVolts()),
                cp -> cp.currentAsWritten().endsWith("A") ? cp.currentAsWritten()
                        : cp.currentAsWritten() + " = " + Units.formatCurrent(cp.currentAmperes()),
                eis -> PlannedStep.potentialStepText(eis.amplitudeVoltsRms()) + " rms, "
                        + PlannedStep.frequencyText(eis.frequenciesHz().get(0)) + " → "
                        // how many frequencies: the samples column says
                        + PlannedStep.frequencyText(eis.frequenciesHz().get(eis.frequenciesHz().size() - 1)));
    }

    private static String sweep(double voltsPerSecond, double stepVolts) {
        return PlannedStep.scanRateText(voltsPerSecond) + ", step " + PlannedStep.potentialStepText(stepVolts);
    }
}
