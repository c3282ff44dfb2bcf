/**
 * The session store: one SQLite file in WAL mode, schema in docs/store.md. The only package that
 * touches JDBC. {@link org.norrlab.store.StoreWriter} is the acquisition consumer that appends a
 * run's records and commits once per batch.
 */
package org.norrlab.store;
