package org.norrlab.importer;

import org.norrlab.config.SiteConfig;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises a file's format, reads it as a stream into the store with the operator's options applied, and leaves a
 * completed session linked to the file: all of it or, if the import is refused, fails or its process dies, nothing.
 * The rules every import follows are in docs/import.md.
 */
public final class ImportService {
    // NOVA before MethodSCRIPT: a NOVA header starting "Potential applied (V);" would pass MethodSCRIPT's "P…;" test.
    public static final List<Importer> IMPORTERS = List.of(new EcLabImporter(), new GamryImporter(), new PalmSensImporter(),
            new NovaAsciiImporter(), new SquidstatImporter(), new IviumImporter(), new MethodScriptOutputImporter(),
            new JsonLinesImporter(), new PsTraceCsvImporter(), new ChiImporter(), new DelimitedImporter());

    /** The formats in words, for the message when none recognises a file. */
    private static final String RECOGNISED = "EC-Lab .mpt, Gamry .DTA, PSTrace .pssession and .csv, Autolab NOVA ASCII,"
            + " Squidstat .csv, Ivium .idf (impedance), CH Instruments text, MethodSCRIPT output, norrlab's CSV and"
            + " JSON Lines exports (export --format csv or jsonl; its JSON document is for other software),"
            + " CSV or TSV with named time and current columns";

    private ImportService() {
    }

    /** A file whose format is recognised from it, held whole in memory: for tests, benchmarks and small files. */
    public static ImportedSession read(Path file) throws ImportException {
        return importerFor(file, Optional.empty()).read(file);
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
            head = in.readNBytes(512);
        } catch (IOException e) {
            throw ImportException.unreadable(file, e);
        }
        // Each importer in turn sees the bytes as they are (a .pssession is known by its UTF-16 BOM) and without a BOM,
        // UTF-16 decoded: a file re-saved in another encoding is still the same format.
        byte[] withoutBom = HeadLine.withoutBom(head);
        for (Importer importer : importers) {
            if (importer.recognises(file, head) || importer.recognises(file, withoutBom)) {
                return importer;
            }
        }
        throw new ImportException(file, 1, "is not a format norrlab recognises (" + RECOGNISED + "); give --format if it is"
                + " one of them");
    }

    /** Reads one file into a sink: an importer's {@link Importer#read(Path, ImportSink)}, or a file already held. */
    @FunctionalInterface
    public interface FileReader {
        void readInto(ImportSink sink) throws ImportException;
    }

    /** A file of an import and how to read it. */
    public record Input(Path file, FileReader reader) {
        public static Input of(Path file, Importer importer) {
            return new Input(file, sink -> importer.read(file, sink));
        }
    }

    /**
     * Stores a file already read into memory, without options: the path of tests and benchmarks that hold the
     * file, and of norrlab's own export read back.
     *
     * @param siteCell the cell to record where the file states none
     * @return the new session's id
     */
    public static long store(SessionStore store, Path file, ImportedSession imported, CellSettings siteCell)
            throws StoreException, ImportException {
        return importSession(store, List.of(new Input(file, imported::replayInto)), ImportOptions.NONE, siteCell,
                SiteConfig.FILE).sessionId();
    }

    /**
     * Reads the files, in order, into one new session as they are read: the options applied to each step, the
     * samples written in batches. All or nothing: a file refused half way (a CA step without a set potential, a
     * technique the options contradict, a cell that differs from the first file's) leaves nothing in the store.
     *
     * @param siteCell   the cell of config/site.yaml, for the values neither the options nor the files give
     * @param siteSource how the session names that source
     */
    public static ImportSummary importSession(SessionStore store, List<Input> inputs, ImportOptions options,
                                              CellSettings siteCell, String siteSource)
            throws StoreException, ImportException {
        return importSession(store, inputs, options, siteCell, siteSource, ImportProgress.NONE);
    }

    /**
     * As above, telling {@code progress} how far it has got; an exception thrown by {@code progress} (the window's
     * Cancel) stops the import and, as any failure, leaves nothing in the store.
     */
    public static ImportSummary importSession(SessionStore store, List<Input> inputs, ImportOptions options,
                                              CellSettings siteCell, String siteSource, ImportProgress progress)
            throws StoreException, ImportException {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("an import needs at least one file");
        }
        SessionSink session = new SessionSink(store, options, siteCell, siteSource, inputs.size() > 1, progress);
        try {
            for (Input input : inputs) {
                session.startFile(input.file());
                // read and parsed on a thread of its own while this one stores: see ReadAhead
                ReadAhead.readInto(input.reader(), new SweepSink(session, input.file(), options.technique()));
                session.endFile();
            }
            return session.finish();
        } catch (StoreFailure e) {
            session.abandon(e.getCause());
            throw e.getCause();
        } catch (ImportException | StoreException | RuntimeException e) {
            session.abandon(e);
            throw e;
        }
    }
}
