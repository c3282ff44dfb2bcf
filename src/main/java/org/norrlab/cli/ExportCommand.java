package org.norrlab.cli;

import org.norrlab.report.SessionExporter;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes a session as CSV (with a commented metadata header), JSON, or JSON Lines; CSV and JSON Lines"
                + " import back.",
                "Impedance (EIS steps): in CSV, each spectrum is a section of its own before the sample table (a '# impedance"
                        + " of step N' line, the column row step,seq,t_s,frequency_Hz,Z_real_ohm,Z_imag_ohm,Z_mod_ohm,"
                        + "phase_deg,E_dc_V_vs_RE,I_dc_A,range_A,flags, one row per frequency, a blank line); Z_imag_ohm is"
                        + " Z'' as measured (capacitive negative), and a point the instrument sent as NaN keeps its row with"
                        + " empty cells; JSON Lines has 'impedance' lines.",
                "R_u: every recorded value is a '# R_u:' header line (JSON Lines: 'resistance' lines); with one recorded,"
                        + " the samples get E_iR_V_vs_RE = E - I*R_u*(1 - c) beside E_V_vs_RE, computed with the newest R_u,"
                        + " which the header names."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions homeOptions;

    @Parameters(index = "0", paramLabel = "SESSION", description = "Session id (see 'norrlab sessions').")
    long sessionId;

    @Option(names = "--format", defaultValue = "csv", description = "csv, json or jsonl (JSON Lines) (default: ${DEFAULT-VALUE}).")
    SessionExporter.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    @Option(names = "--force", description = "Replace the -o file if it already exists (without this, an existing file is left"
            + " alone and nothing is written).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        OutputFile file = output == null ? null
                : new OutputFile(output, "-o", "session-" + sessionId + "." + format.name().toLowerCase(Locale.ROOT));
        if (file != null) {
            file.check(homeOptions.store(), force);   // before the store is opened: its files are what it guards
        }
        try (SessionStore store = homeOptions.openStoreForReading()) {
            StoredSession session = Lookup.find(store, sessionId);
            if (file == null) {
                SessionExporter.write(store, session, format, System.out);
            } else {
                file.write(out -> SessionExporter.write(store, session, format, out));
                spec.commandLine().getErr().println("Wrote session " + sessionId + " to " + file.path());
            }
        }
        return ExitCodes.OK;
    }
}
