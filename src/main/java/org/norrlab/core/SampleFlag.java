package org.norrlab.core;

import java.util.EnumSet;
import java.util.Set;

/**
 * Quality of one sample, kept as bits so a sample stays small. An odd sample is flagged, never
 * dropped: the analysis decides what to do with it.
 */
public enum SampleFlag {
    /** |I| exceeded the full scale of the active range; the current is clipped to full scale. */
    OVERLOAD(1),
    /** |I| was too small for the active range to resolve well. */
    UNDERLOAD(2),
    /** |I| came close to full scale (the instrument warned before clipping). */
    OVERLOAD_WARNING(4),
    /** The instrument could not keep the requested sample interval. */
    TIMING(8),
    /** The current range changed at this sample (auto-ranging). */
    RANGE_CHANGED(16),
    /** Only the potential was measured (open circuit); the current is NaN. */
    NO_CURRENT(32),
    /**
     * An impedance point the instrument could not measure at its frequency (MethodSCRIPT sends {@code nan}): the
     * impedance is NaN, the frequency is kept, and the analysis leaves the point out.
     */
    NO_IMPEDANCE(64);

    private final int bit;

    SampleFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public boolean isSetIn(int flags) {
        return (flags & bit) != 0;
    }

    public static int bits(SampleFlag... flags) {
        int bits = 0;
        for (SampleFlag flag : flags) {
            bits |= flag.bit;
        }
        return bits;
    }

    public static Set<SampleFlag> decode(int flags) {
        EnumSet<SampleFlag> set = EnumSet.noneOf(SampleFlag.class);
        for (SampleFlag flag : values()) {
            if (flag.isSetIn(flags)) {
                set.add(flag);
            }
        }
        return set;
    }

    /** The bits no flag defines; a non-zero result means the value came from somewhere newer. */
    public static int unknownBits(int flags) {
        int known = 0;
        for (SampleFlag flag : values()) {
            known |= flag.bit;
        }
        return flags & ~known;
    }
}
