/**
 * The lab-wide PostgreSQL database: `norrlab sync` copies a bench's sessions into it, each in one
 * transaction and found by its uid, so that copying again or after an outage never duplicates or
 * half-copies a session. Benches keep acquiring into their own SQLite files whatever the network does.
 * The SQL of the copy is the store's ({@link org.norrlab.store.LabCopy}); this package decides what
 * to copy and says what happened.
 */
package org.norrlab.sync;
