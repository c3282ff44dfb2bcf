package org.norrlab.labdata;

import org.norrlab.analysis.Assay;
import org.norrlab.config.ConfigException;
import org.norrlab.config.CsvTable;
import org.norrlab.config.Location;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CSV of assay results for one session: columns step (required), product, absorbance, calibration,
 * dilution, concentration, amount, volume, note, place (catholyte when empty). Every row is checked before anything is stored, so a
 * bad row leaves the session as it was.
 */
public final class AssayFile {
    public static final List<String> OPTIONAL_COLUMNS = List.of("product", "absorbance", "calibration", "dilution",
            "concentration", "amount", "volume", "note", "place");

    private AssayFile() {
    }

    /** Reads and checks every row against the session; an error names the file, line and field. */
    public static List<Assay> read(Path file, SessionStore store, long sessionId) throws ConfigException, StoreException {
        CsvTable table = CsvTable.read(file, List.of("step"), OPTIONAL_COLUMNS);
        List<Assay> assays = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            try {
                assays.add(new AssayEntry((int) row.number("step"), row.get("product").orElse("NH3"),
                        row.get("absorbance").isPresent() ? Optional.of(row.number("absorbance")) : Optional.empty(),
                        row.get("calibration").isPresent() ? Optional.of((long) row.number("calibration")) : Optional.empty(),
                        row.get("dilution").isPresent() ? row.number("dilution") : 1, row.get("concentration"),
                        row.get("amount"), Optional.empty(), Optional.empty(), Optional.empty(), row.get("volume"),
                        "", row.get("note").orElse("")).toAssay(store, sessionId)
                        .at(row.get("place").map(Assay.Place::parse).orElse(Assay.Place.CATHOLYTE)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(new Location(file, row.line(), 1), "", e.getMessage());
            }
        }
        return assays;
    }

    /** Reads the file and stores all of its rows, or none. */
    public static List<Long> importInto(Path file, SessionStore store, long sessionId) throws ConfigException, StoreException {
        return store.assays().addAssays(sessionId, read(file, store, sessionId));
    }
}
