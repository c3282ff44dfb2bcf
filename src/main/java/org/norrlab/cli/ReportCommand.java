package org.norrlab.cli;

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
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true, description = {
        "Writes a session's figures as PNG and SVG, and its summary as summary.json and summary.md.",
        "The figures: FE and NH3 yield against potential; current density of the CA steps; potential of the CP steps; for a session with sweeps,",
        "the LSVs under Ar and NO with their difference, every CV with its cycles coloured and the C_dl fit. The",
        "summary holds the settings and calibrations behind the numbers. A session with impedance spectra also gets a Nyquist and",
        "a Bode figure of each."})
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

    @Override
    public Integer call() throws Exception {
        SessionAnalysis.Options options = blankCurrent == null ? SessionAnalysis.Options.DEFAULT
                : new SessionAnalysis.Options(CurrentText.amperes(blankCurrent));
        try (SessionStore store = homeOptions.openStoreForReading()) {
            SessionAnalysis.Result result = SessionAnalysis.analyze(store, sessionId, options);
            for (Path file : ReportWriter.write(store, result, directory,
                    new ReportWriter.Options(irCorrected))) {
                spec.commandLine().getOut().println("Wrote " + file.toAbsolutePath());
            }
        }
        return ExitCodes.OK;
    }
}
