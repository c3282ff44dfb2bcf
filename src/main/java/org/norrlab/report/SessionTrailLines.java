package org.norrlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import org.norrlab.store.StoredCorrection;

import java.io.IOException;
import java.util.List;

/**
 * The audit trail in a JSON Lines export: one {@code correction} line per correction, after the events. The session
 * line keeps the cell the run recorded; import lays the trail over it again, so the imported session analyses as the
 * exported one and still shows who corrected what. Assays are named by uid (they do not travel with the export).
 */
final class SessionTrailLines {
    private SessionTrailLines() {
    }

    static void write(JsonGenerator json, List<StoredCorrection> trail) throws IOException {
        for (StoredCorrection c : trail) {
            json.writeStartObject();
            json.writeStringField("type", "correction");
            json.writeStringField("assay_uid", c.assayUid().orElse(null));
            json.writeStringField("replacement_uid", c.replacementUid().orElse(null));
            json.writeStringField("field", c.field());
            json.writeStringField("old_value", c.oldValue());
            json.writeStringField("new_value", c.newValue());
            json.writeStringField("reason", c.reason());
            json.writeStringField("operator", c.operator());
            json.writeStringField("created_utc", c.created().toString());
            json.writeEndObject();
        }
    }
}
