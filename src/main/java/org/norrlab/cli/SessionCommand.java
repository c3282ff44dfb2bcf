package org.norrlab.cli;

import org.norrlab.labdata.SessionCorrections;
import org.norrlab.store.CorrectionStore;
import org.norrlab.store.SessionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
            SessionCorrections.CellEdit edit = new SessionCorrections.CellEdit(Optional.ofNullable(ph),
                    Optional.ofNullable(referenceElectrode), Optional.ofNullable(electrodeArea),
                    Optional.ofNullable(electrolyteVolume), Optional.ofNullable(catalystLoading));
            try (SessionStore store = homeOptions.openStore()) {
                List<CorrectionStore.Change> changes = SessionCorrections.correct(store, sessionId, edit, reason, operator,
                        SessionCorrections.OPTION_NAMES);
                spec.commandLine().getOut().printf(Locale.ROOT, "Session %d corrected: %s; the run's values are kept.%n",
                        sessionId, CorrectionStore.Change.written(changes));
            }
            return ExitCodes.OK;
        }
    }
}
