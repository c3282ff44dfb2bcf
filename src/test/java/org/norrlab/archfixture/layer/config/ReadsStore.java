package org.norrlab.archfixture.layer.config;

import org.norrlab.archfixture.layer.store.Stored;

/** A planted layer violation: config (file reading) reaching up to store. */
public class ReadsStore {
    public Stored where() {
        return new Stored();
    }
}
