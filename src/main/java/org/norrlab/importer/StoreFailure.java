package org.norrlab.importer;

import org.norrlab.store.StoreException;

/** A store failure carried through an importer, which only declares {@link ImportException}. */
final class StoreFailure extends RuntimeException {
    StoreFailure(StoreException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized StoreException getCause() {
        return (StoreException) super.getCause();
    }
}
