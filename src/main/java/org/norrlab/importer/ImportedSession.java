package org.norrlab.importer;

import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.electrochem.CellSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a file holds, in norrlab's terms.
 *
 * @param metadata  what the file says about itself (technique, dates, area, software version…), for the session record
 * @param warnings  what the operator should know (a truncated table, a missing time column), stored as notes
 * @param cell      the cell settings the file carries, if it is a norrlab export; else the site's are used
 */
public record ImportedSession(String format, String technique, InstrumentIdentity instrument, Map<String, String> metadata,
                              List<Step> steps, List<String> warnings,
                              Optional<CellSettings> cell) {
    public ImportedSession {
        metadata = Map.copyOf(metadata);
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    /**
     * One block of samples.
     *
     * @param kind               ca, ocp, cv, lsv, cp, eis, …
     * @param voltsVsReference   the set potential of a CA step vs the reference electrode, NaN when not a CA or unknown
     * @param intervalSeconds    the sample interval, from the file or the samples
     */
    public record Step(String kind, String label, double voltsVsReference, double intervalSeconds, List<Sample> samples) {
        public Step {
            samples = List.copyOf(samples);
        }
    }
}
