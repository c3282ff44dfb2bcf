package org.norrlab.gui;

import org.junit.jupiter.api.Test;
import org.norrlab.transport.TransportException;

import static org.assertj.core.api.Assertions.assertThat;

/** Error dialogs speak of the window's fields and lists, not of command-line options (issue 18). */
class DialogWordsTest {
    @Test
    void aPortMessageNamesTheSerialPortListInsteadOfTheCommand() {
        String text = DialogWords.of(new TransportException("serial port /dev/ttyNowhere does not exist; 'norrlab ports'"
                + " lists the ports there are"));
        assertThat(text).isEqualTo("serial port /dev/ttyNowhere does not exist; the Serial port list shows the ports there"
                + " are (Refresh looks again)");
    }

    @Test
    void optionsBecomeFieldNames() {
        assertThat(DialogWords.screenWords("an absorbance needs --calibration ID; check --port and --speed"))
                .isEqualTo("an absorbance needs a calibration in the Calibration field; check the Serial port field and the"
                        + " Speed field");
    }

    @Test
    void aFaultWithoutAMessageShowsNoClassName() {
        String text = DialogWords.of(new NullPointerException());
        assertThat(text).doesNotContain("NullPointerException").doesNotContain("Exception")
                .startsWith("norrlab met an internal error and did not finish; nothing already stored was changed.");
    }
}
