package org.norrlab.core;

import java.util.Objects;

/**
 * Who the instrument says it is. Stored with every session so that a result can be traced back to
 * the device that produced it.
 *
 * @param profile  name of the profile in drivers/ that was used to talk to it
 * @param family   protocol family (sim, methodscript, rodeostat, replay)
 */
public record InstrumentIdentity(String profile, String family, String model, String firmware, String serialNumber) {
    public InstrumentIdentity {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(serialNumber, "serialNumber");
    }

    /** The profile every importer gives the sessions it makes from files. */
    public static final String IMPORTED_PROFILE = "imported";

    /** Whether this is the instrument of a session imported from a file, not one norrlab ran. */
    public boolean isImported() {
        return profile.equals(IMPORTED_PROFILE);
    }

    public String describe() {
        return model + " (firmware " + firmware + ", serial " + serialNumber + ", profile " + profile + ")";
    }
}
