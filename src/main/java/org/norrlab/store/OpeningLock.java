package org.norrlab.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Held while a store is connected to and its schema built or migrated, so that only one opener at a
 * time does that to a store. SQLite creates a new file, and switches it to WAL, outside any
 * transaction: connections doing that at once have failed (SQLITE_IOERR_DELETE_NOENT, a table one of
 * them created missing for another), and the migration's own write lock comes only after that.
 *
 * <p>Threads of one process take a lock per store. Processes opening one SQLite file take an
 * operating-system lock ({@link FileChannel#lock}) on a file beside it, {@code NAME-open.lock}, which
 * the system releases when a process dies, so a killed process never leaves it held. The lock file
 * stays after use: deleting it would let one process lock the deleted file while another locks a new
 * one. PostgreSQL keeps processes apart with its own lock in the migration transaction.
 */
final class OpeningLock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpeningLock.class);
    static final String SUFFIX = "-open.lock";
    /** Longer than any open and schema migration takes; a process stuck inside one is named after it. */
    static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(10);

    private static final ConcurrentHashMap<String, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threads;
    private final Optional<FileChannel> channel;

    private OpeningLock(ReentrantLock threads, Optional<FileChannel> channel) {
        this.threads = threads;
        this.channel = channel;
    }

    static Path lockFile(Path database) {
        return database.resolveSibling(database.getFileName() + SUFFIX);
    }

    /**
     * Waits until no other thread or process is opening {@code location}, then holds it until {@link #close()}.
     * The wait is not interruptible, as the monitor this replaced was not: a run that was interrupted still
     * opens its store to record how it ended, and an interrupted thread would close the lock's channel.
     */
    static OpeningLock acquire(StoreLocation location) throws StoreException {
        boolean interrupted = Thread.interrupted();
        try {
            // Keyed by the file where there is one: two URLs of one file must not lock it twice in one process.
            String key = location.file().map(Path::toString).orElse(location.url());
            ReentrantLock threads = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!threads.tryLock()) {
                if (System.nanoTime() > deadline) {
                    throw new StoreException("another thread of this process has been opening " + location + " for "
                            + PATIENCE.toMinutes() + " min; is it stuck?");
                }
                interrupted |= pause();
            }
            try {
                Optional<FileChannel> channel = Optional.empty();
                if (location.file().isPresent()) {
                    LockedChannel locked = lockAcrossProcesses(location.file().get(), deadline);
                    interrupted |= locked.interrupted();
                    channel = locked.channel();
                }
                return new OpeningLock(threads, channel);
            } catch (StoreException | RuntimeException e) {
                threads.unlock();
                throw e;
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits a little; returns whether the thread was interrupted meanwhile (the flag is cleared, to be set again later). */
    private static boolean pause() {
        LockSupport.parkNanos(POLL.toNanos());
        return Thread.interrupted();
    }

    private record LockedChannel(Optional<FileChannel> channel, boolean interrupted) {
    }

    private static LockedChannel lockAcrossProcesses(Path database, long deadline) throws StoreException {
        Path file = lockFile(database);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            // A folder where the lock file cannot be made (read-only) is one where no process can create
            // the database or switch it to WAL either, which is what the lock guards.
            log.debug("opening {} without the cross-process lock: cannot create {}: {}", database, file, e.toString());
            return new LockedChannel(Optional.empty(), false);
        }
        boolean interrupted = false;
        try {
            while (channel.tryLock() == null) {
                if (System.nanoTime() > deadline) {
                    throw new StoreException("another process has been opening " + database + " for "
                            + PATIENCE.toMinutes() + " min (it holds a lock on " + file + "); is a norrlab process stuck?");
                }
                interrupted |= pause();
            }
            return new LockedChannel(Optional.of(channel), interrupted);
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw new StoreException("cannot lock " + file + " to open " + database + ": " + e.getMessage(), e);
        } catch (StoreException | RuntimeException e) {
            closeQuietly(channel, e);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel, Exception cause) {
        try {
            channel.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Closing the channel releases its lock. A failure to close it is logged, not thrown: the store is
     * open by then, and the system releases the lock when this process ends at the latest.
     */
    @Override
    public void close() {
        try {
            if (channel.isPresent()) {
                channel.get().close();
            }
        } catch (IOException e) {
            log.warn("cannot release the lock taken to open a session database; other processes wait for it until"
                    + " this one ends", e);
        } finally {
            threads.unlock();
        }
    }
}
