package org.norrlab.report;

import org.norrlab.core.Sample;
import org.norrlab.core.StepOutcome;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.store.ImpedanceExportLines;
import org.norrlab.store.SampleExportLines;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredAliquot;
import org.norrlab.store.StoredResistance;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Test oracle: the CSV export as it was before issue 23, one printf per sample row (its numbers the shortest decimal
 * since the export writes that), its samples read the way
 * SessionStore.forEachSample read them then (columns by name, wasNull after every nullable one) over a connection of
 * its own. ExportBytesTest requires today's export to be byte for byte what this writes.
 */
final class PrintfCsvExport {
    private PrintfCsvExport() {
    }

    /** A sample as the store read it before issue 23, with its sequence number. */
    record OldRow(long seq, Sample sample) {
    }

    /** One step's samples read as forEachSample read them before issue 23. */
    static List<OldRow> samples(Path db, long sessionId, int stepIndex) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             PreparedStatement ps = connection.prepareStatement("SELECT seq, t_s, e_v, i_a, range_a, flags, cycle, segment"
                     + " FROM samples WHERE session_id = ? AND step_index = ? ORDER BY seq")) {
            ps.setLong(1, sessionId);
            ps.setInt(2, stepIndex);
            List<OldRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OldRow(rs.getLong(1), new Sample(rs.getDouble(2), nullableDouble(rs, "e_v"),
                            nullableDouble(rs, "i_a"), nullableDouble(rs, "range_a"), rs.getInt(6), rs.getInt(7),
                            rs.getInt(8))));
                }
            }
            return rows;
        }
    }

    private static double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(rs.findColumn(column));
        return rs.wasNull() ? Double.NaN : value;
    }

    /** SessionExporter.csv before issue 23, verbatim but for where the samples come from. */
    static void csv(SessionStore store, Path db, StoredSession session, PrintWriter out) throws StoreException, SQLException {
        CellSettings cell = session.cell();
        out.println("# norrlab session export (CSV)");
        out.printf(Locale.ROOT, "# session: %d; status: %s (%s)%n", session.id(), session.status().dbName(),
                session.statusReason());
        out.printf(Locale.ROOT, "# protocol: %s (%s)%n", session.protocolName(), session.protocolFile());
        out.printf(Locale.ROOT, "# instrument: %s%n", session.instrument().describe());
        out.printf(Locale.ROOT, "# started: %s; software: norrlab %s%n", session.started(), session.softwareVersion());
        out.printf(Locale.ROOT, "# reference electrode: %s, E = %.4f V vs SHE (%s)%n", cell.referenceElectrode().name(),
                cell.referenceElectrode().e0VsSheVolts(), cell.referenceElectrode().source());
        out.printf(Locale.ROOT, "# pH: %s; temperature: %s C; electrode area: %s cm2; catalyst loading: %s mg/cm2;"
                        + " electrolyte volume: %s mL%n", cell.pH(), cell.temperatureCelsius(), cell.electrodeAreaCm2(),
                cell.catalystLoadingMgPerCm2(), cell.electrolyteVolumeMl());
        out.println("# electrolyte: " + session.electrolyte().written());
        SampleExportLines.write(session.sample(), out);
        for (StoredAliquot aliquot : store.aliquots(session.id())) {
            out.printf(Locale.ROOT, "# aliquot: after step %d, %s mL, %s, taken by %s, at %s%s%n", aliquot.afterStep(),
                    number(aliquot.volumeMl()), aliquot.replaced() ? "replaced" : "not replaced", aliquot.takenBy().written(),
                    aliquot.created(), aliquot.note().isEmpty() ? "" : "; " + aliquot.note().replace('\n', ' '));
        }
        int assays = store.assays().assays(session.id()).size();
        if (assays > 0) {
            out.printf(Locale.ROOT, "# assays: %d assay(s) of this session are in the JSON Lines export only"
                    + " (export --format jsonl); this CSV carries none%n", assays);
        }
        out.println("# E vs RHE = E vs RE + " + String.format(Locale.ROOT, "%.4f", cell.rheScale().offsetVolts()) + " V");
        List<StoredStep> steps = store.steps(session.id());
        for (StoredStep step : steps) {
            out.printf(Locale.ROOT, "# step %d: %s, %s, set %s V vs RHE = %s V vs RE, interval %s s, %d samples, %s%s%n",
                    step.index(), step.kind(), step.label(), number(step.voltsVsRhe()), number(step.voltsVsReference()),
                    number(step.intervalSeconds()), step.sampleCount(), step.outcome().map(StepOutcome::dbName).orElse("not finished"),
                    SessionExporter.contextText(step) + SessionExporter.sweepText(step));
        }
        Optional<StoredResistance> ru = ImpedanceExport.csvSections(store, session.id(), steps, out);
        out.println("# units: t_s = seconds since the step began; E_V_vs_RE = volts vs the reference electrode;"
                + ru.map(r -> " E_iR_V_vs_RE = E_V_vs_RE - " + ImpedanceExportLines.correctionText(r)
                        + ", empty where no current was measured;").orElse("")
                + " I_A = amperes, cathodic negative, empty at open circuit; range_A = full scale of the current range;"
                + " flags = bits 1 overload, 2 underload, 4 overload warning, 8 timing, 16 range changed, 32 no current;"
                + " cycle, segment = a sweep sample's scan (from 1) and linear part of it (from 1), empty for other samples");
        out.println(String.join(",", ru.isPresent() ? SessionExporter.SAMPLE_COLUMNS_WITH_IR : SessionExporter.SAMPLE_COLUMNS));
        for (StoredStep step : steps) {
            for (OldRow row : samples(db, session.id(), step.index())) {
                long seq = row.seq();
                Sample s = row.sample();
                out.printf(Locale.ROOT, "%d,%d,%s,%s,%s%s,%s,%d,%s%n",
                        step.index(), seq, shortest(s.timeSeconds()), shortest(s.potentialVolts()),
                        ru.map(r -> shortest(SessionExporter.corrected(r, s)) + ",").orElse(""),
                        shortest(s.currentAmperes()), shortest(s.rangeAmperes()), s.flags(),
                        s.inSweep() ? s.cycle() + "," + s.segment() : ",");
            }
        }
        out.flush();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    /**
     * A sample's number since the export writes the shortest decimal (DoubleText): Jackson's port of the same
     * algorithm, which is Java 17's Double.toString but where that is longer (2.0E23 is not 1.9999999999999998E23).
     */
    private static String shortest(double value) {
        return Double.isNaN(value) ? "" : com.fasterxml.jackson.core.io.NumberOutput.toString(value, true);
    }
}
