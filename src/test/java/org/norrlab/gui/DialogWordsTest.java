package org.norrlab.gui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.plan.ProtocolLoader;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PtyPair;
import org.norrlab.transport.SerialSettings;
import org.norrlab.transport.SerialTransport;
import org.norrlab.transport.TransportException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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

    // The messages a window user can bring about, from the code that writes them: none may name a command-line option
    // or command, each still names the place and what to do.

    @Test
    void aBadProtocolFileNamesFileLineAndFieldAndNoOption(@TempDir Path temp) throws Exception {
        Path protocol = Files.writeString(temp.resolve("typo.yaml"),
                "steps:\n  - ca: {potential: -0.5 V vs RHE, duraton: 1 h, interval: 1 s}\n");
        ConfigException refused = catchThrowableOfType(ConfigException.class,
                () -> ProtocolLoader.load(protocol, SiteConfig.load(Fixtures.HOME)));
        assertThat(DialogWords.of(refused)).startsWith(protocol + ":2:")
                .contains("field 'steps[1].ca.duraton': is not a known field here; allowed: ")
                .doesNotContain("--").doesNotContain("'norrlab ");
    }

    @Test
    void anUnknownInstrumentProfileListsTheKnownOnesAndNoOption() {
        ConfigException refused = catchThrowableOfType(ConfigException.class,
                () -> new DriverRegistry(Fixtures.HOME).profile("emstat9"));
        assertThat(DialogWords.of(refused)).contains("there is no instrument profile 'emstat9'; known profiles: ")
                .contains("emstat4-hr").doesNotContain("--").doesNotContain("'norrlab ");
    }

    @Test
    void aPortHeldByAnotherProgramNamesItAndNoOption(@TempDir Path temp) throws Exception {
        try (PtyPair pty = new PtyPair(temp)) {
            Process holder = new ProcessBuilder("sleep", "60").redirectInput(Path.of(pty.host()).toFile()).start();
            try {
                TransportException busy = catchThrowableOfType(TransportException.class,
                        () -> SerialTransport.open(pty.host(), SerialSettings.eightNoneOne(230_400, Duration.ofMillis(200))));
                assertThat(DialogWords.of(busy)).isEqualTo("cannot open serial port " + pty.host() + ": it is in use by"
                        + " another program (pid " + holder.pid() + ", sleep); close that program (PSTrace, a terminal,"
                        + " another norrlab) and start again");
            } finally {
                holder.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void noPortOrTwoPortsForAnInstrumentPointToTheSerialPortField() {
        // as transport.PortFinder writes them when the window's port field is left empty
        assertThat(DialogWords.of(new TransportException("no serial port looks like a emstat4-hr (profile usb block in"
                + " drivers/emstat4-hr.yaml); ports seen: none. Plug it in, or give --port PATH")))
                .endsWith("ports seen: none. Plug it in, or type its path in the Serial port field").doesNotContain("--");
        assertThat(DialogWords.of(new TransportException("2 ports look like a emstat4-hr: /dev/ttyACM0, /dev/ttyACM1;"
                + " choose one with --port PATH")))
                .endsWith("choose one in the Instrument list, or type its path in the Serial port field").doesNotContain("--");
    }
}
