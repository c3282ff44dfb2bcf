package org.norrlab.cli;

import org.norrlab.analysis.WrittenValue;
import org.norrlab.core.BadInputException;
import org.norrlab.plan.Electrolyte;
import org.norrlab.report.ElectrolyteRows;
import org.norrlab.report.TextTable;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredAliquot;
import org.norrlab.store.StoredStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "aliquot", mixinStandardHelpOptions = true,
        description = "Aliquots taken out of a session's catholyte by hand, outside its protocol: add, list.",
        subcommands = {AliquotCommand.Add.class, AliquotCommand.ListAliquots.class})
final class AliquotCommand extends CommandGroup {
    @Command(name = "add", mixinStandardHelpOptions = true, description = {
            "Records an aliquot taken after a step (e.g. of an imported session), for the analysis of an accumulating batch.",
            "A run records the aliquots its protocol plans by itself."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOptions homeOptions;
        @Parameters(index = "0", paramLabel = "SESSION", description = "Session id (see 'norrlab sessions').")
        long sessionId;
        @Option(names = "--after-step", paramLabel = "N", required = true,
                description = "The step after which the aliquot was taken (its assay goes on this step).")
        int afterStep;
        @Option(names = "--volume", required = true, description = "The volume taken out, e.g. '1 mL' or '500 µL'.")
        String volume;
        @Option(names = "--replaced", description = "The same volume of fresh electrolyte was put back (the volume stays).")
        boolean replaced;
        @Option(names = "--note", defaultValue = "", description = "A note kept with the aliquot.")
        String note;

        @Override
        public Integer call() throws Exception {
            double ml = WrittenValue.volumeMl(volume).value();
            try (SessionStore store = homeOptions.openStore()) {
                Lookup.find(store, sessionId);
                List<StoredStep> steps = store.steps(sessionId);
                if (steps.stream().noneMatch(s -> s.index() == afterStep)) {
                    throw new BadInputException("session " + sessionId + " has no step " + afterStep + " (--after-step);"
                            + " its steps are " + String.join(", ", steps.stream().map(s -> String.valueOf(s.index())).toList()));
                }
                long id = store.addAliquot(sessionId, new StoredAliquot(0, afterStep, ml, replaced,
                        Electrolyte.TakenBy.OPERATOR, Instant.now(), note));
                spec.commandLine().getOut().printf(Locale.ROOT, "Saved aliquot %d of session %d: %s mL after step %d, %s.%n",
                        id, sessionId, ElectrolyteRows.aliquot(store.aliquots(sessionId).stream()
                                .filter(a -> a.id() == id).findFirst().orElseThrow()).get(1), afterStep,
                        replaced ? "replaced with fresh electrolyte" : "not replaced");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the aliquots taken out of a session's catholyte.")
    static final class ListAliquots implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOptions homeOptions;
        @Parameters(index = "0", paramLabel = "SESSION", description = "Session id (see 'norrlab sessions').")
        long sessionId;

        @Override
        public Integer call() throws Exception {
            try (SessionStore store = homeOptions.openStoreForReading()) {
                var session = Lookup.find(store, sessionId);
                spec.commandLine().getOut().println("Electrolyte: " + ElectrolyteRows.mode(session.electrolyte()));
                TextTable table = new TextTable(ElectrolyteRows.ALIQUOT_HEADERS.toArray(String[]::new));
                store.aliquots(sessionId).forEach(a -> table.row(ElectrolyteRows.aliquot(a).toArray(String[]::new)));
                table.print(spec.commandLine().getOut());
            }
            return ExitCodes.OK;
        }
    }
}
