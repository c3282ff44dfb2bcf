package org.norrlab.cli;

import org.norrlab.core.BadInputException;
import org.norrlab.report.ReportWriter;
import org.norrlab.report.SessionAnalysis;
import org.norrlab.store.SessionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true, description = {
        "Writes a session's figures as PNG and SVG, and its summary as summary.json and summary.md.",
        "The figures: FE and NH3 yield against potential; current density of the CA steps; potential of the CP steps; for a session with sweeps,",
        "the LSVs under Ar and NO with their difference, every CV with its cycles coloured and the C_dl fit. The",
        "summary holds the settings and calibrations behind the numbers. A session with impedance spectra also gets a Nyquist and",
        "a Bode figure of each with the best circuit fit; with the session's R_u, --ir-corrected and --tafel-window add the FE",
        "figure against the iR-corrected potential and a Tafel plot.",
        "Figures carry no title unless --figure-titles asks for one; --figure-width one-column or two-column draws them",
        "at a journal's size (85 mm or 175 mm wide, 7-9 pt type) and adds a vector PDF of each."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    HomeOptions homeOptions;
    @Parameters(index = "0", paramLabel = "SESSION")
    long sessionId;
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path directory;
    @Option(names = "--blank-current", paramLabel = "I", description = "Background current to subtract, signed, e.g. '-0.05 mA'.")
    String blankCurrent;
    @Option(names = "--ir-corrected", description = "Also draws the FE and yield figure against the iR-corrected potential"
            + " (E - I*R_u), with the R_u recorded for the session; the usual figure against the set potential is kept.")
    boolean irCorrected;
    @Option(names = "--tafel-window", paramLabel = "FROM..TO", description = "Also draws the Tafel plot of the CA steps"
            + " (iR-corrected potential against log10 |j|) with the line fitted between these potentials, V vs RHE"
            + " iR-corrected, e.g. --tafel-window=-0.45..-0.25; needs the session's R_u.")
    String tafelWindow;
    @Option(names = "--figure-width", paramLabel = "WIDTH", defaultValue = "report", description = "The printed size"
            + " of every figure: 'report' (the default) writes PNG and SVG of 1000 x 620 pixels for summary.md;"
            + " 'one-column' (85 mm x 68 mm) and 'two-column' (175 mm x 108.5 mm) write each figure as a PNG at 600 dpi,"
            + " an SVG and a vector PDF of exactly that size, type 7 to 9 pt, for a journal.")
    String figureWidth;
    @Option(names = "--figure-titles", description = "Writes each figure's title (session and protocol) into the"
            + " figure; by default figures have none, since a journal or a report sets its caption itself.")
    boolean figureTitles;

    @Override
    public Integer call() throws Exception {
        SessionAnalysis.Options options = blankCurrent == null ? SessionAnalysis.Options.DEFAULT
                : new SessionAnalysis.Options(CurrentText.amperes(blankCurrent));
        try (SessionStore store = homeOptions.openStoreForReading()) {
            SessionAnalysis.Result result = SessionAnalysis.analyze(store, sessionId, options);
            for (Path file : ReportWriter.write(store, result, directory,
                    new ReportWriter.Options(irCorrected,
                    Optional.ofNullable(tafelWindow).map(ReportCommand::window)).withFigures(figureWidth, figureTitles))) {
                spec.commandLine().getOut().println("Wrote " + file.toAbsolutePath());
            }
        }
        return ExitCodes.OK;
    }

    private static ReportWriter.TafelWindow window(String text) {
        String[] ends = text.split("\\.\\.", -1);
        String allowed = "--tafel-window: give two potentials vs RHE (iR-corrected) in volts as FROM..TO, e.g."
                + " -0.45..-0.25; was '" + text + "'";
        if (ends.length != 2) {
            throw new BadInputException(allowed);
        }
        try {
            return new ReportWriter.TafelWindow(Double.parseDouble(ends[0].trim()), Double.parseDouble(ends[1].trim()));
        } catch (NumberFormatException e) {
            throw new BadInputException(allowed + " (" + e.getMessage() + ")");
        }
    }
}
