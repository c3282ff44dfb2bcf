package org.norrlab.importer;

import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.Sample;
import org.norrlab.core.UncompensatedResistance;
import org.norrlab.store.AssayExportLines;
import org.norrlab.store.StoredAliquot;
import org.norrlab.store.StoredCorrection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a file on a thread of its own while the calling thread stores what was read: the importer (reading, splitting
 * lines, parsing numbers) runs ahead, and its calls to the sink are queued in chunks of {@value #CHUNK} and made, in the
 * same order, on the calling thread, which owns the store's connection. On two cores parsing and SQLite's inserts then
 * overlap instead of taking turns. The queue holds at most {@value #CHUNKS} chunks, so memory stays bounded whatever the
 * file's size.
 *
 * <p>Failures keep the order of the file: a call the sink refuses stops the reader and is what the import fails with,
 * even if the reader, running ahead, has met a later problem in the file meanwhile; a problem the reader meets is
 * thrown only after every call before it has been made, as if it were read in line.
 */
final class ReadAhead {
    static final int CHUNK = 4096;
    static final int CHUNKS = 8;

    /** One call to the sink other than a sample, made again on the storing thread. */
    @FunctionalInterface
    private interface Call {
        void on(ImportSink sink) throws ImportException;
    }

    /** The end of the queue: the reader finished, normally (failure null) or with what it threw. */
    private record End(Throwable failure) {
    }

    /** Thrown on the reader's thread when the storing thread has given up: ends the reading without a word. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("the storing thread stopped the reading", null, false, false);
        }
    }

    private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(CHUNKS);
    private volatile boolean stopped;

    private ReadAhead() {
    }

    /** Reads with {@code reader} on a thread of its own into {@code sink}, whose methods are called on this thread. */
    static void readInto(ImportService.FileReader reader, ImportSink sink) throws ImportException {
        new ReadAhead().run(reader, sink);
    }

    private void run(ImportService.FileReader reader, ImportSink sink) throws ImportException {
        Thread thread = new Thread(() -> read(reader), "import-read-ahead");
        thread.setDaemon(true);
        thread.start();
        boolean ended = false;
        try {
            while (true) {
                List<Object> chunk = queue.take();
                for (Object item : chunk) {
                    if (item instanceof Sample sample) {
                        sink.sample(sample);
                    } else if (item instanceof Call call) {
                        call.on(sink);
                    } else {
                        ended = true;
                        rethrow(((End) item).failure());
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the import was interrupted", e);
        } finally {
            if (!ended) {
                stop(thread);
            }
        }
    }

    /** The reader's thread: the importer, its calls queued. */
    private void read(ImportService.FileReader reader) {
        Queueing queueing = new Queueing();
        Throwable failure = null;
        try {
            reader.readInto(queueing);
        } catch (Stopped stop) {
            return;
        } catch (Throwable t) {
            failure = t;  // thrown on the storing thread, after the calls before it
        }
        try {
            queueing.add(new End(failure));
            queueing.flush();
        } catch (Stopped stop) {
            // the storing thread failed first: its failure is the import's
        }
    }

    /** Ends the reader when the storing thread stops early: it fails at its next chunk, which nobody takes. */
    private void stop(Thread thread) {
        stopped = true;
        while (thread.isAlive()) {
            queue.clear();
            try {
                thread.join(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        queue.clear();
    }

    private static void rethrow(Throwable failure) throws ImportException {
        if (failure == null) {
            return;
        }
        if (failure instanceof ImportException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("reading the file failed: " + failure, failure);
    }

    /** The sink the importer sees: every call is queued in order. */
    private final class Queueing implements ImportSink {
        private List<Object> chunk = new ArrayList<>(CHUNK);

        void add(Object item) {
            chunk.add(item);
            if (chunk.size() == CHUNK) {
                flush();
            }
        }

        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            try {
                while (!queue.offer(chunk, 10, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    if (stopped) {
                        throw new Stopped();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            }
            if (stopped) {
                throw new Stopped();
            }
            chunk = new ArrayList<>(CHUNK);
        }

        private void call(Call call) {
            add(call);
        }

        @Override
        public void file(FileFacts facts) {
            call(sink -> sink.file(facts));
        }

        @Override
        public void beginStep(StepFacts step) {
            call(sink -> sink.beginStep(step));
        }

        @Override
        public void sample(Sample sample) {
            add(sample);
        }

        @Override
        public void impedance(ImpedancePoint point) {
            call(sink -> sink.impedance(point));
        }

        @Override
        public void resistance(UncompensatedResistance ru, String uid) {
            call(sink -> sink.resistance(ru, uid));
        }

        @Override
        public void endStep() {
            call(ImportSink::endStep);
        }

        @Override
        public void note(String text) {
            call(sink -> sink.note(text));
        }

        @Override
        public void aliquot(StoredAliquot aliquot) {
            call(sink -> sink.aliquot(aliquot));
        }

        @Override
        public void correction(StoredCorrection correction) {
            call(sink -> sink.correction(correction));
        }

        @Override
        public void calibration(AssayExportLines.ExportedCalibration calibration) {
            call(sink -> sink.calibration(calibration));
        }

        @Override
        public void assay(AssayExportLines.ExportedAssay assay) {
            call(sink -> sink.assay(assay));
        }
    }
}
