package org.norrlab.importer;

import org.norrlab.Version;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.store.Heartbeat;
import org.norrlab.store.NewSession;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises a file's format, reads it, and stores it as a completed session linked to the file: all of it
 * or, if the import fails or its process dies, nothing.
 */
public final class ImportService {
    public static final List<Importer> IMPORTERS = List.of(new EcLabImporter(), new GamryImporter(), new PalmSensImporter(),
            new MethodScriptOutputImporter(), new JsonLinesImporter(), new ChiImporter(), new DelimitedImporter());

    private ImportService() {
    }

    public static Importer importerFor(Path file, Optional<String> format) throws ImportException {
        return importerFor(file, format, DelimitedImporter.DefaultUnits.NONE);
    }

    public static Importer importerFor(Path file, Optional<String> format, DelimitedImporter.DefaultUnits units)
            throws ImportException {
        List<Importer> importers = IMPORTERS.stream().map(i -> i instanceof DelimitedImporter ? new DelimitedImporter(units) : i)
                .toList();
        if (format.isPresent()) {
            return importers.stream().filter(i -> i.format().equals(format.get().toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new ImportException(file, 0, "'" + format.get() + "' is not a format norrlab imports;"
                            + " allowed: " + String.join(", ", IMPORTERS.stream().map(Importer::format).toList())));
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(256);
        } catch (IOException e) {
            throw new ImportException(file, 0, "cannot be read: " + e.getMessage());
        }
        for (Importer importer : importers) {
            if (importer.recognises(file, head)) {
                return importer;
            }
        }
        throw new ImportException(file, 1, "is not a format norrlab recognises (EC-Lab .mpt, Gamry .DTA, PSTrace"
                + " .pssession, MethodSCRIPT output, CSV); give --format if it is one of them");
    }

    /**
     * @param siteCell the cell to record when the file does not carry one (vendor files never do)
     * @return the new session's id
     */
    public static long store(SessionStore store, Path file, ImportedSession imported, CellSettings siteCell)
            throws StoreException {
        CellSettings cell = imported.facts().cell().resolve(siteCell);
        Map<String, String> options = new LinkedHashMap<>(imported.metadata());
        options.put("imported_format", imported.format());
        long id = store.createImportingSession(new NewSession(imported.technique(), file.toString(), "", cell,
                imported.instrument(), options, Version.current(), Instant.now()));
        // 'importing' with a heartbeat until completed: if this process dies, the next open removes the session.
        try (Heartbeat heartbeat = store.heartbeat(id)) {
            addSteps(store, id, file, imported, cell);
        } catch (StoreException | RuntimeException e) {
            try {
                store.removeFailedImport(id);
            } catch (StoreException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return id;
    }

    private static void addSteps(SessionStore store, long id, Path file, ImportedSession imported, CellSettings cell)
            throws StoreException {
        List<SessionStore.ImportedStep> steps = new ArrayList<>();
        int index = 1;
        for (ImportedSession.Step step : imported.steps()) {
            double vsRe = step.voltsVsReference();
            double vsRhe = Double.isNaN(vsRe) ? Double.NaN : cell.rheScale().toRhe(vsRe);
            steps.add(new SessionStore.ImportedStep(index++, step.kind(), step.label(), vsRhe, vsRe, step.intervalSeconds(),
                    file.getFileName().toString(), step.samples()));
        }
        store.addImported(id, file.toString(), steps, imported.warnings());
        store.finishSession(id, SessionStatus.COMPLETED, "imported from " + file.getFileName() + " (" + imported.format() + ")");
    }
}
