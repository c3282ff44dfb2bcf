package org.norrlab.cli;

import org.norrlab.analysis.Calibration;
import org.norrlab.core.BadInputException;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredSession;

/** Finds the session or calibration an operator named, or says where to see which ones exist. */
final class Lookup {
    private Lookup() {
    }

    static StoredSession find(SessionStore store, long id) throws StoreException {
        return store.existingSession(id);
    }

    static Calibration calibration(SessionStore store, long id) throws StoreException {
        return store.assays().calibration(id).orElseThrow(() -> new BadInputException(
                "there is no calibration " + id + "; 'norrlab calib list' lists the ones there are"));
    }
}
