package org.norrlab.cli;

import org.norrlab.config.SiteConfig;
import org.norrlab.importer.DelimitedImporter;
import org.norrlab.importer.ImportOptions;
import org.norrlab.importer.ImportService;
import org.norrlab.importer.ImportSummary;
import org.norrlab.importer.Importer;
import org.norrlab.report.TextTable;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true, description = {
        "Turns files from other software (potentiostat exports, CSV) into sessions.",
        "Formats: EC-Lab .mpt, Gamry .DTA, PSTrace .pssession and .csv,",
        "CH Instruments text exports, Autolab NOVA ASCII, Squidstat .csv, MethodSCRIPT device output, Rodeostat data,",
        "CSV with named time and current columns, and norrlab's own CSV and JSON Lines exports (not its JSON document).",
        "Impedance spectra (CHI, Gamry EISPOT, PalmSens, Autolab's ZView layout, Ivium .idf) become eis steps;",
        "EC-Lab impedance and binary .mpr files are refused with what to do instead.",
        "norrlab never guesses: a value a file does not make certain (a unit, a technique, a set potential) is refused",
        "with a message that says which option gives it. Cell values come from the options, else from the file, else",
        "from config/site.yaml; the session records which. The rules are in docs/import.md.",
        "Each file becomes a session, or with --one-session all of them one, in the order given. The summary shows",
        "per step what the store holds: kind, samples, time span, mean current, set potential vs RE and vs RHE;",
        "then the columns a CSV was read from with their units, the cell and where each value came from, and the notes."})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    HomeOptions homeOptions;
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;
    @Option(names = "--format", completionCandidates = Formats.class,
            description = "One of ${COMPLETION-CANDIDATES} (default: recognised from the file).")
    String format;
    @Option(names = "--time-unit", description = "CSV: unit of a time column whose header names none (s, ms, min, h).")
    String timeUnit;
    @Option(names = "--current-unit", description = "CSV: unit of a current column whose header names none (A, mA, µA, nA).")
    String currentUnit;
    @Option(names = "--potential-unit", description = "CSV: unit of a potential column whose header names none (V, mV).")
    String potentialUnit;
    @Option(names = "--technique", paramLabel = "KIND",
            description = "ca, ocp, cv, lsv or cp: the technique of steps the file leaves open ('other'); refused where"
                    + " the file states another.")
    String technique;
    @Option(names = "--potential", paramLabel = "E",
            description = "Set potential of the CA steps, e.g. '-0.5 V vs RHE' or '-1.1 V vs RE': one per CA step in"
                    + " order (repeat the option or give a comma list), or one for all. Wins over the file's (a note says"
                    + " what the file stated).")
    List<String> potentials;
    @Option(names = "--area", paramLabel = "A", description = "Electrode area, e.g. '0.07 cm2' (over the file's and the site's).")
    String area;
    @Option(names = "--reference", paramLabel = "RE", description = "Reference electrode, e.g. 'Ag/AgCl (3 M KCl)'.")
    String reference;
    @Option(names = "--ph", paramLabel = "PH", description = "pH of the electrolyte, e.g. 13.")
    String pH;
    @Option(names = "--volume", paramLabel = "V", description = "Electrolyte volume, e.g. '30 mL'.")
    String volume;
    @Option(names = "--loading", paramLabel = "L", description = "Catalyst loading, e.g. '0.5 mg/cm2'.")
    String loading;
    @Option(names = "--gas", paramLabel = "GAS",
            description = "Gas the electrolyte was saturated with for every imported step (Ar or NO), which vendor files"
                    + " do not state.")
    String gas;
    @Option(names = "--one-session", description = "All files, in the order given, become one session (steps numbered on).")
    boolean oneSession;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ImportOptions options = ImportOptions.parse(technique, potentials, area, reference, pH, volume, loading)
                .withGas(gas);
        var cell = homeOptions.site().cell().resolve();
        DelimitedImporter.DefaultUnits units = new DelimitedImporter.DefaultUnits(Optional.ofNullable(timeUnit),
                Optional.ofNullable(currentUnit), Optional.ofNullable(potentialUnit));
        // Every file's format is recognised before anything is stored: a typo in the last name refuses the lot.
        List<ImportService.Input> inputs = new ArrayList<>();
        for (Path file : files) {
            inputs.add(ImportService.Input.of(file, ImportService.importerFor(file, Optional.ofNullable(format), units)));
        }
        try (SessionStore store = SessionStore.open(homeOptions.store())) {
            store.checkIntegrity();
            if (oneSession) {
                print(out, ImportService.importSession(store, inputs, options, cell, SiteConfig.FILE));
            } else {
                for (ImportService.Input input : inputs) {
                    print(out, ImportService.importSession(store, List.of(input), options, cell, SiteConfig.FILE));
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The summary a chemist checks at a glance; every count and time is what the store holds. */
    static void print(PrintWriter out, ImportSummary summary) {
        long samples = summary.steps().stream().mapToLong(s -> s.stored().sampleCount()).sum();
        // impedance points only where there are any, so that the line of a time-series import stays as it was
        out.printf(Locale.ROOT, "Session %d: %d step(s), %d samples%s, from %s%n", summary.sessionId(),
                summary.steps().size(), samples, summary.impedancePoints() == 0 ? ""
                        : ", " + summary.impedancePoints() + " impedance points", String.join(", ", summary.files().stream()
                        .map(f -> f.file() + " (" + f.format() + " \"" + f.technique() + "\")").toList()));
        TextTable table = new TextTable("step", "kind", "label", "samples", "t (s)", "mean I", "E set vs RE (V)",
                "E set vs RHE (V)", "file");
        for (ImportSummary.Step step : summary.steps()) {
            StoredStep s = step.stored();
            table.row(String.valueOf(s.index()), s.kind(), s.label(), step.impedancePoints() == 0
                            ? String.valueOf(s.sampleCount())
                            : s.sampleCount() + " + " + step.impedancePoints() + " impedance points",
                    s.sampleCount() == 0 ? "—" : CellText.number(step.firstSeconds()) + " … " + CellText.number(step.lastSeconds()),
                    CurrentText.readable(step.meanCurrentAmperes()), volts(s.voltsVsReference()), volts(s.voltsVsRhe()), String.valueOf(step.file().getFileName()));
        }
        table.print(out);
        // Which column was read in which unit, beside the mean current above: a mA header over values in A shows.
        summary.files().stream().filter(f -> !f.columns().isEmpty())
                .forEach(f -> out.println("  columns of " + f.file().getFileName() + ": " + f.columns()));
        var cell = summary.cell();
        Map<String, String> sources = summary.sources();
        out.printf(Locale.ROOT, "  electrode area %s cm² (%s)%n", CellText.number(cell.electrodeAreaCm2()), sources.get("area_source"));
        out.printf(Locale.ROOT, "  reference %s, %.3f V vs SHE (%s); pH %s (%s); %s °C (%s) -> E vs RHE = E vs RE %+.4f V%n",
                cell.referenceElectrode().name(), cell.referenceElectrode().e0VsSheVolts(), sources.get("reference_source"),
                CellText.number(cell.pH()), sources.get("ph_source"), CellText.number(cell.temperatureCelsius()),
                sources.get("temperature_source"), cell.rheScale().offsetVolts());
        out.printf(Locale.ROOT, "  electrolyte %s mL (%s); loading %s mg/cm² (%s)%n", CellText.number(cell.electrolyteVolumeMl()),
                sources.get("volume_source"), CellText.number(cell.catalystLoadingMgPerCm2()), sources.get("loading_source"));
        summary.notes().forEach(note -> out.println("  note: " + note));
        List<String> open = summary.steps().stream().filter(s -> s.stored().kind().equals("other"))
                .map(s -> String.valueOf(s.stored().index())).toList();
        if (!open.isEmpty()) {
            out.println("  step(s) " + String.join(", ", open) + " are 'other': the file does not state the technique, and"
                    + " analyze needs CA steps; if they are chronoamperometry, import again with --technique ca --potential"
                    + " '… V vs RHE'");
        }
    }

    private static String volts(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%+.4f", value);
    }

    /** The --format names, taken from the importers themselves so that the help cannot fall behind them. */
    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ImportService.IMPORTERS.stream().map(Importer::format).iterator();
        }
    }
}
