/**
 * The lab-wide PostgreSQL database: `norrlab sync` copies a bench's sessions into it, each in one
 * transaction and found by its uid, so that copying again or after an outage never duplicates or
 * half-copies a session. Benches keep acquiring into their own SQLite files whatever the network does.
 */
package org.norrlab.sync;
