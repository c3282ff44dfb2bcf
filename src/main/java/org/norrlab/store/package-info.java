/**
 * The session store: one SQLite file in WAL mode (or the lab's PostgreSQL), schema in docs/store.md.
 * The only package that touches JDBC: other packages use its API, and its bulk paths
 * ({@link org.norrlab.store.LabCopy} for {@code norrlab sync}, {@link org.norrlab.store.SampleRows} for
 * the pipeline benchmark's reference). {@link org.norrlab.store.StoreWriter} is the acquisition
 * consumer that appends a run's records and commits once per batch.
 */
package org.norrlab.store;
