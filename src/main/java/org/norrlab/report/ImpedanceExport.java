package org.norrlab.report;

import org.norrlab.core.ImpedancePoint;
import org.norrlab.store.ImpedanceExportLines;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredResistance;
import org.norrlab.store.StoredStep;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schema-14 part of the CSV export, between the step lines and the sample table: the session's R_u history (a
 * header line per row, oldest first, the last in force) and one section per EIS step with its spectrum, so that a
 * chemist who opens the file in a spreadsheet finds each spectrum near the top, under a line that says what it is,
 * as a block of its own to plot, before a sample table that may run to millions of rows. A session without spectra
 * or R_u is written exactly as before.
 */
final class ImpedanceExport {
    private ImpedanceExport() {
    }

    /** Writes the R_u lines and the spectrum sections; the R_u in force, with which the samples are iR-corrected. */
    static Optional<StoredResistance> csvSections(SessionStore store, long sessionId, List<StoredStep> steps,
                                                  PrintWriter out) throws StoreException {
        List<StoredResistance> history = store.impedance().history(sessionId);
        for (StoredResistance row : history) {
            out.println(ImpedanceExportLines.csvResistanceLine(row));
        }
        Map<Integer, List<ImpedancePoint>> spectra = store.impedance().spectra(sessionId);
        for (StoredStep step : steps) {
            List<ImpedancePoint> spectrum = spectra.getOrDefault(step.index(), List.of());
            if (spectrum.isEmpty()) {
                continue;
            }
            out.println(ImpedanceExportLines.csvSectionLine(step, spectrum.size()));
            out.println(ImpedanceExportLines.CSV_COLUMNS);
            for (int seq = 0; seq < spectrum.size(); seq++) {
                out.println(ImpedanceExportLines.csvRow(step.index(), seq, spectrum.get(seq)));
            }
            out.println();
        }
        return ImpedanceExportLines.inForce(history);
    }
}
