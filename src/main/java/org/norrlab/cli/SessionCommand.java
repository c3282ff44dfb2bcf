package org.norrlab.cli;

import org.norrlab.config.Dimension;
import org.norrlab.config.Quantities;
import org.norrlab.core.BadInputException;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.electrochem.ReferenceElectrode;
import org.norrlab.report.Corrections;
import org.norrlab.store.CorrectionStore;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredCorrection.SessionField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "session", mixinStandardHelpOptions = true, description = "Changes made to a stored session after its run.",
        subcommands = {SessionCommand.Correct.class})
final class SessionCommand extends CommandGroup {
    @Command(name = "correct", mixinStandardHelpOptions = true, description = {
            "Corrects a session's cell values after the run, with a reason; the values the run recorded are kept.",
            "analyze uses the latest values (potentials vs RHE follow a corrected pH or reference electrode) and says so;",
            "'norrlab assay history SESSION' lists the trail."})
    static final class Correct implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOptions homeOptions;
        @Parameters(index = "0", paramLabel = "SESSION", description = "Session id (see 'norrlab sessions').")
        long sessionId;
        @Option(names = "--ph", description = "The electrolyte's measured pH, between -1 and 15, e.g. 7.2.")
        String ph;
        @Option(names = "--reference-electrode", paramLabel = "NAME", description = "The reference electrode used, one"
                + " of the known ones, e.g. 'Ag/AgCl (3 M KCl)'.")
        String referenceElectrode;
        @Option(names = "--electrode-area", paramLabel = "AREA", description = "The electrode's geometric area, e.g. '0.5 cm2'.")
        String electrodeArea;
        @Option(names = "--electrolyte-volume", paramLabel = "V", description = "The catholyte volume, e.g. '35 mL'.")
        String electrolyteVolume;
        @Option(names = "--catalyst-loading", paramLabel = "L", description = "The catalyst loading, e.g. '0.5 mg/cm2'.")
        String catalystLoading;
        @Option(names = "--reason", description = "Why the value was wrong; required, it is kept with the correction.")
        String reason;
        @Option(names = "--operator", defaultValue = "", description = "Who makes the correction.")
        String operator;

        @Override
        public Integer call() throws Exception {
            CorrectionStore.requireReason(reason);
            try (SessionStore store = homeOptions.openStore()) {
                CellSettings now = Corrections.read(store, sessionId).session().cell();
                CellSettings wanted = wanted(now);
                List<CorrectionStore.Change> changes = CorrectionStore.Change.between(fields(now), fields(wanted));
                if (changes.isEmpty()) {
                    throw new BadInputException("nothing to correct in session " + sessionId + ": give at least one of"
                            + " --ph, --reference-electrode, --electrode-area, --electrolyte-volume, --catalyst-loading"
                            + " with a value other than the current one");
                }
                store.corrections().correctSession(sessionId, changes, reason, operator);
                spec.commandLine().getOut().printf(Locale.ROOT, "Session %d corrected: %s; the run's values are kept.%n",
                        sessionId, CorrectionStore.Change.written(changes));
            }
            return ExitCodes.OK;
        }

        /** The correctable values of a cell, keyed as the trail stores them. */
        private static Map<String, String> fields(CellSettings cell) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (SessionField field : SessionField.values()) {
                fields.put(field.key(), field.valueIn(cell));
            }
            return fields;
        }

        /**
         * The cell with the given values, read as the protocol's cell block reads them (units, ranges, known reference
         * electrodes); {@link CellSettings} refuses what no cell can have, naming the allowed range.
         */
        private CellSettings wanted(CellSettings now) {
            ReferenceElectrode re = referenceElectrode == null ? now.referenceElectrode()
                    : ReferenceElectrode.known(referenceElectrode).orElseThrow(() -> new BadInputException(
                            "--reference-electrode: '" + referenceElectrode + "' is not a reference electrode we know;"
                                    + " use one of: " + ReferenceElectrode.knownNames()));
            double phValue = now.pH();
            if (ph != null) {
                try {
                    phValue = Double.parseDouble(ph.trim());
                } catch (NumberFormatException e) {
                    throw new BadInputException("--ph: '" + ph + "' is not a number; expected a pH between -1 and 15, e.g. 7.2");
                }
                if (!(phValue >= -1 && phValue <= 15)) {
                    throw new BadInputException("--ph: pH " + ph + " is outside -1 .. 15");
                }
            }
            double area = electrodeArea == null ? now.electrodeAreaCm2()
                    : positive("--electrode-area", electrodeArea, Dimension.AREA);
            double volume = electrolyteVolume == null ? now.electrolyteVolumeMl()
                    : positive("--electrolyte-volume", electrolyteVolume, Dimension.VOLUME);
            double loading = now.catalystLoadingMgPerCm2();
            if (catalystLoading != null) {
                loading = Quantities.parse("--catalyst-loading", catalystLoading, Dimension.MASS_LOADING);
                if (loading < 0) {
                    throw new BadInputException("--catalyst-loading: must not be negative, was '" + catalystLoading + "'");
                }
            }
            return new CellSettings(re, phValue, now.temperatureCelsius(), area, loading, volume);
        }

        private static double positive(String option, String text, Dimension dimension) {
            double value = Quantities.parse(option, text, dimension);
            if (!(value > 0)) {
                throw new BadInputException(option + ": must be greater than zero, was '" + text + "'");
            }
            return value;
        }
    }
}
