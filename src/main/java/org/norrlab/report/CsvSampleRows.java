package org.norrlab.report;

import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The sample table of the CSV export, written by two threads: the calling thread reads the rows from the store (SQLite's
 * step and two driver calls per column and row: about two thirds of the work in a JFR profile of a 1 M-row export) and
 * copies them into a chunk of primitive arrays; a second thread turns full chunks into text ({@link SampleText}:
 * the numbers' digits, the other third) and writes its bytes. Chunks go
 * round between the two through two small queues, so memory stays at {@link #CHUNKS} chunks however long the session.
 * Rows come out in the order they were read, as from one thread.
 */
final class CsvSampleRows {
    private static final Logger log = LoggerFactory.getLogger(CsvSampleRows.class);
    /** Rows per chunk: 208 KiB of arrays each (0.6 MiB for the three), and some 250 hand-overs per million rows. */
    static final int CHUNK_ROWS = 4096;
    /** Chunks in flight: one being read into, one being formatted, one spare so neither side waits on a hand-over. */
    static final int CHUNKS = 3;
    /** Bytes of text collected before each write to the stream. */
    static final int TEXT_BYTES = 64 * 1024;

    /** One chunk of rows of one step, column by column; reused, never shared by the two threads at once. */
    private static final class Chunk {
        final long[] seq = new long[CHUNK_ROWS];
        final double[] time = new double[CHUNK_ROWS];
        final double[] potential = new double[CHUNK_ROWS];
        final double[] current = new double[CHUNK_ROWS];
        final double[] range = new double[CHUNK_ROWS];
        final int[] flags = new int[CHUNK_ROWS];
        final int[] cycle = new int[CHUNK_ROWS];
        final int[] segment = new int[CHUNK_ROWS];
        int step;
        int rows;
        /** The chunk that tells the writing thread there is nothing more. */
        boolean last;
    }

    private CsvSampleRows() {
    }

    /**
     * Writes the rows of {@code steps} of the session, in order, to {@code out} as ASCII bytes (not flushed). {@code out}
     * must not be used by anyone else until this returns.
     */
    static void write(SessionStore store, long sessionId, List<Integer> steps, SampleText text, OutputStream out)
            throws StoreException, IOException {
        BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(CHUNKS);
        BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS);
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new Chunk());
        }
        Formatter formatter = new Formatter(full, free, text, out);
        Thread thread = new Thread(formatter, "csv-export-text");
        thread.setDaemon(true);
        thread.start();
        boolean finished = false;
        try {
            Chunk[] filling = {formatter.take(free)};
            for (int step : steps) {
                filling[0].step = step;
                store.forEachSampleRow(sessionId, step, (seq, time, potential, current, range, flags, cycle, segment) -> {
                    Chunk c = filling[0];
                    int n = c.rows;
                    c.seq[n] = seq;
                    c.time[n] = time;
                    c.potential[n] = potential;
                    c.current[n] = current;
                    c.range[n] = range;
                    c.flags[n] = flags;
                    c.cycle[n] = cycle;
                    c.segment[n] = segment;
                    c.rows = n + 1;
                    if (c.rows == CHUNK_ROWS) {
                        try {
                            formatter.hand(full, c);
                            Chunk next = formatter.take(free);
                            next.step = step;
                            filling[0] = next;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);   // out of the store's visitor, unwrapped below
                        }
                    }
                });
                if (filling[0].rows > 0) {   // a chunk holds one step's rows only
                    formatter.hand(full, filling[0]);
                    filling[0] = formatter.take(free);
                }
            }
            filling[0].last = true;
            formatter.hand(full, filling[0]);
            finished = true;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (!finished) {
                thread.interrupt();   // the reading failed: stop the other thread, the exception goes on from here
            }
            join(thread);
        }
        formatter.rethrow();
    }

    private static void join(Thread thread) throws IOException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the CSV export was being written", e);
        }
    }

    /** The second thread: text from full chunks, written out; the first failure stops both sides. */
    private static final class Formatter implements Runnable {
        private final BlockingQueue<Chunk> full;
        private final BlockingQueue<Chunk> free;
        private final SampleText text;
        private final OutputStream out;
        private volatile Throwable failure;
        private volatile boolean done;

        Formatter(BlockingQueue<Chunk> full, BlockingQueue<Chunk> free, SampleText text, OutputStream out) {
            this.full = full;
            this.free = free;
            this.text = text;
            this.out = out;
        }

        @Override
        public void run() {
            byte[] text = new byte[TEXT_BYTES + SampleText.MAX_ROW_BYTES];
            int length = 0;
            try {
                while (true) {
                    Chunk c = full.take();
                    if (c.last) {
                        break;
                    }
                    for (int i = 0; i < c.rows; i++) {
                        length = this.text.appendRow(text, length, c.step, c.seq[i], c.time[i], c.potential[i],
                                c.current[i], c.range[i], c.flags[i], c.cycle[i], c.segment[i]);
                        if (length >= TEXT_BYTES) {
                            out.write(text, 0, length);
                            length = 0;
                        }
                    }
                    c.rows = 0;
                    free.put(c);
                }
                out.write(text, 0, length);
            } catch (InterruptedException e) {
                log.debug("CSV export text thread stopped: the reading side failed");
            } catch (IOException | RuntimeException | Error e) {
                failure = e;
            } finally {
                done = true;
            }
        }

        /** A chunk from {@code queue}, unless the writing side has failed or stopped (then its failure). */
        Chunk take(BlockingQueue<Chunk> queue) throws IOException {
            try {
                while (true) {
                    Chunk c = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (c != null) {
                        return c;
                    }
                    check();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the CSV export was being written", e);
            }
        }

        /** Hands {@code c} over, unless the writing side has failed or stopped. */
        void hand(BlockingQueue<Chunk> queue, Chunk c) throws IOException {
            try {
                while (!queue.offer(c, 100, TimeUnit.MILLISECONDS)) {
                    check();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the CSV export was being written", e);
            }
        }

        private void check() throws IOException {
            if (done) {
                rethrow();
                throw new IOException("the CSV export's writing thread stopped before the last row");
            }
        }

        void rethrow() throws IOException {
            Throwable t = failure;
            if (t instanceof IOException io) {
                throw new IOException("cannot write the CSV export: " + io.getMessage(), io);
            }
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
        }
    }
}
