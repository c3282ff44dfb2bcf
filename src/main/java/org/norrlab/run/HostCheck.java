package org.norrlab.run;

import org.norrlab.driver.Speed;
import org.norrlab.plan.Plan;
import org.norrlab.plan.PlanWarning;
import org.norrlab.store.StoreLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * What the PC a run starts on must give it until the end, checked before the first step: room on disk for the
 * planned samples, and staying awake. Found problems are plan warnings (printed before the first step, stored
 * as WARNING events, refused under {@code --strict}); an overnight run that dies at 3 a.m. of a full disk or a
 * suspended PC loses the night.
 */
public final class HostCheck {
    /** Asked for only when a line is logged: plan checks the host too, and never logs otherwise (start-up). */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(HostCheck.class);
    }

    /**
     * Bytes one stored sample takes in an SQLite store, measured: a demo sweep's file size over its samples was 64.7
     * with schema 13 (778240 bytes for 12020 samples; 60.7 before schema 13 gave every sample row a cycle and a
     * segment column, NULL outside sweeps, one header byte each; HostCheckTest measures it again and fails if a sample
     * now takes more), the schema, events and tallies included.
     */
    public static final long BYTES_PER_SAMPLE = 68;
    /** The disk warning asks for this many times the measured need: WAL, journals and other files share the disk. */
    public static final int MARGIN = 2;
    /** Runs shorter than this are not warned about sleep: a PC's idle timeout is rarely shorter. */
    public static final Duration SLEEP_CONCERN = Duration.ofHours(1);

    /** What the PC says about itself. One seam, so that a test can give a tiny disk or a PC that cannot sleep. */
    public interface Host {
        /** Bytes free to this user in the folder (the nearest existing one above it); empty when the platform won't say. */
        OptionalLong usableBytes(Path folder);

        /** True only when the PC is known not to suspend (on Linux: its systemd sleep targets are masked). */
        boolean knownNotToSleep();
    }

    /** This PC. */
    public static final Host SYSTEM = new Host() {
        @Override
        public OptionalLong usableBytes(Path folder) {
            Path existing = folder.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                return OptionalLong.empty();
            }
            try {
                return OptionalLong.of(Files.getFileStore(existing).getUsableSpace());
            } catch (IOException e) {
                Log.LOG.warn("cannot read the free space of {}", existing, e);
                return OptionalLong.empty();
            }
        }

        @Override
        public boolean knownNotToSleep() {
            return LinuxSleep.masked(Path.of("/"));
        }
    };

    private HostCheck() {
    }

    /** The warnings for running this plan at this speed into this store on this host; empty when all is well. */
    public static List<PlanWarning> warnings(Plan plan, Speed speed, StoreLocation store, Host host) {
        List<PlanWarning> warnings = new ArrayList<>();
        // only an SQLite file's disk is this PC's; a PostgreSQL server's disk cannot be seen from here
        if (store.file().isPresent()) {
            Path folder = store.file().get().toAbsolutePath().getParent();
            long samples = plan.totalPlannedSamples();
            long needed = samples * BYTES_PER_SAMPLE * MARGIN;
            OptionalLong free = host.usableBytes(folder);
            if (free.isPresent() && free.getAsLong() < needed) {
                warnings.add(new PlanWarning(String.format(Locale.ROOT, "the store's folder %s has %d bytes (%s) free;"
                        + " the %d planned samples need about %d bytes (%s: %d bytes per stored sample, measured on SQLite,"
                        + " × %d margin): free disk space before the run, or store it elsewhere with --db", folder,
                        free.getAsLong(), megabytes(free.getAsLong()), samples, needed, megabytes(needed), BYTES_PER_SAMPLE,
                        MARGIN)));
            }
        }
        Duration wall = wallTime(plan.totalDuration(), speed);
        if (wall.compareTo(SLEEP_CONCERN) > 0 && !host.knownNotToSleep()) {
            warnings.add(new PlanWarning(String.format(Locale.ROOT, "norrlab cannot tell whether this PC sleeps; make"
                    + " sure it does not during a %.1f h run (a suspended PC stops the instrument's link and the store)"
                    + " — on Linux 'systemctl mask sleep.target suspend.target hibernate.target hybrid-sleep.target'"
                    + " makes it certain, and norrlab then sees it", wall.toSeconds() / 3600.0)));
        }
        return warnings;
    }

    /** How long the run takes on the clock: the plan's time divided by the speed (a simulation at max: no time). */
    static Duration wallTime(Duration planned, Speed speed) {
        if (speed.isMax()) {
            return Duration.ZERO;
        }
        return Duration.ofMillis((long) (planned.toMillis() / speed.factor()));
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /**
     * systemd's own switch: a masked unit is a link to /dev/null in /etc/systemd/system (or /run/… for this boot).
     * Masking sleep.target stops every kind of sleep; otherwise suspend, hibernate and both hybrids must all be masked.
     * Anything else (a desktop's idle timeout, logind's IdleAction) cannot be read reliably, so it counts as unknown.
     */
    static final class LinuxSleep {
        private static final List<String> EACH_KIND = List.of("suspend.target", "hibernate.target", "hybrid-sleep.target",
                "suspend-then-hibernate.target");

        private LinuxSleep() {
        }

        static boolean masked(Path root) {
            return masked(root, "sleep.target") || EACH_KIND.stream().allMatch(unit -> masked(root, unit));
        }

        private static boolean masked(Path root, String unit) {
            for (String folder : List.of("etc/systemd/system", "run/systemd/system")) {
                Path link = root.resolve(folder).resolve(unit);
                try {
                    if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).toString().equals("/dev/null")) {
                        return true;
                    }
                } catch (IOException e) {
                    Log.LOG.debug("cannot read {}", link, e);
                }
            }
            return false;
        }
    }
}
