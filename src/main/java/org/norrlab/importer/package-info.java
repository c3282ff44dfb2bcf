/**
 * Files from other software turned into sessions: BioLogic EC-Lab text exports (.mpt), Gamry .DTA,
 * PalmSens .pssession, raw MethodSCRIPT device output, Rodeostat data files, generic CSV, and
 * norrlab's own CSV and JSON Lines exports. Each importer reads one format into an
 * {@link org.norrlab.importer.ImportedSession}; bad files give a message naming the file, the
 * line and what was expected.
 */
package org.norrlab.importer;
