package org.norrlab.cli;

import org.norrlab.importer.DelimitedImporter;
import org.norrlab.importer.ImportService;
import org.norrlab.importer.ImportedSession;
import org.norrlab.importer.Importer;
import org.norrlab.store.SessionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true, description = {
        "Turns files from other software into sessions: EC-Lab .mpt, Gamry .DTA, PSTrace .pssession, MethodSCRIPT",
        "device output, Rodeostat data, CSV with named time and current columns, and norrlab's own CSV export.",
        "Vendor files carry no reference electrode or pH: the cell of config/site.yaml is recorded with them."})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    HomeOptions homeOptions;
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;
    @Option(names = "--format", description = "eclab, gamry, pssession, methodscript, jsonl or csv (default: recognised from the file).")
    String format;
    @Option(names = "--time-unit", description = "CSV: unit of a time column whose header names none (s, ms, min, h).")
    String timeUnit;
    @Option(names = "--current-unit", description = "CSV: unit of a current column whose header names none (A, mA, µA, nA).")
    String currentUnit;
    @Option(names = "--potential-unit", description = "CSV: unit of a potential column whose header names none (V, mV).")
    String potentialUnit;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        var cell = homeOptions.site().cell().resolve();
        try (SessionStore store = SessionStore.open(homeOptions.store())) {
            store.checkIntegrity();
            for (Path file : files) {
                Importer importer = ImportService.importerFor(file, Optional.ofNullable(format),
                        new DelimitedImporter.DefaultUnits(Optional.ofNullable(timeUnit),
                                Optional.ofNullable(currentUnit), Optional.ofNullable(potentialUnit)));
                ImportedSession imported = importer.read(file);
                long id = ImportService.store(store, file, imported, cell);
                out.printf("%s: session %d, %s (%s), %d step(s), %d samples%n", file, id, imported.technique(), importer.format(),
                        imported.steps().size(), imported.steps().stream().mapToInt(s -> s.samples().size()).sum());
                imported.warnings().forEach(w -> out.println("  note: " + w));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
