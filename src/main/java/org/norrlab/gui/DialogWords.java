package org.norrlab.gui;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of an error dialog in the window's own words. Messages are written once for the command line and
 * name its options and commands ("--port", "'norrlab ports' lists …"); a window user has fields and buttons
 * instead, so those names are turned into the ones on screen (issue 18: dialogs use the GUI's words).
 */
final class DialogWords {
    /** Command-line words and what the window calls the same thing; longer ones first, so none is cut in part. */
    private static final Map<String, String> SCREEN_NAMES = new LinkedHashMap<>();

    static {
        SCREEN_NAMES.put("'norrlab ports' lists the ports there are", "the Serial port list shows the ports there are"
                + " (Refresh looks again)");
        SCREEN_NAMES.put("'norrlab ports'", "the Serial port list");
        // transport.PortFinder, when no port or two ports look like the instrument (the window's port field left empty)
        SCREEN_NAMES.put("choose one with --port PATH", "choose one in the Instrument list, or type its path in the Serial"
                + " port field");
        SCREEN_NAMES.put("give --port PATH", "type its path in the Serial port field");
        SCREEN_NAMES.put("--calibration ID", "a calibration in the Calibration field");
        SCREEN_NAMES.put("--calibration", "the Calibration field");
        SCREEN_NAMES.put("--instrument", "the Instrument list");
        SCREEN_NAMES.put("--port", "the Serial port field");
        SCREEN_NAMES.put("--speed", "the Speed field");
        SCREEN_NAMES.put("--dilution", "the Dilution factor field");
        SCREEN_NAMES.put("--lab", "the Lab file field");
    }

    private DialogWords() {
    }

    /** {@code message} with command-line names replaced by the window's; a message without a text says so plainly. */
    static String of(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            // A fault in norrlab, not in the input: the class name (NullPointerException) tells an operator nothing.
            return "norrlab met an internal error and did not finish; nothing already stored was changed. norrlab's"
                    + " log has the details for a bug report.";
        }
        return screenWords(message);
    }

    static String screenWords(String message) {
        String text = message;
        for (Map.Entry<String, String> name : SCREEN_NAMES.entrySet()) {
            text = text.replace(name.getKey(), name.getValue());
        }
        return text;
    }
}
