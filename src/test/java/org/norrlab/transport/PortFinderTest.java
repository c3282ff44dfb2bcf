package org.norrlab.transport;

import org.junit.jupiter.api.Test;
import org.norrlab.config.ConfigException;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.testing.Fixtures;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** --port auto: one match is taken, none or several are refused with the candidates named. */
class PortFinderTest {
    static final PortFinder.PortInfo PICO = new PortFinder.PortInfo("/dev/ttyUSB0",
            Optional.of("/dev/serial/by-id/usb-FTDI_FT230X_Basic_UART_DO01ABCD-if00-port0"), "FT230X Basic UART / USB Serial",
            0x0403, 0x6015, "DO01ABCD");
    static final PortFinder.PortInfo ES4 = new PortFinder.PortInfo("/dev/ttyACM0", Optional.empty(), "EmStat4 / EmStat4 LR",
            0x2FE3, 0x0100, "ES4LR20B0008");
    static final PortFinder.PortInfo MODEM = new PortFinder.PortInfo("/dev/ttyS0", Optional.empty(), "Physical Port S0",
            -1, -1, "");

    private static InstrumentProfile profile(String name) throws Exception {
        return new DriverRegistry(Fixtures.HOME).profile(name);
    }

    @Test
    void theSingleMatchIsChosenByItsStablePath() throws Exception {
        assertThat(PortFinder.choose(List.of(MODEM, PICO, ES4), profile("emstat-pico").portWanted()))
                .isEqualTo("/dev/serial/by-id/usb-FTDI_FT230X_Basic_UART_DO01ABCD-if00-port0");
        assertThat(PortFinder.choose(List.of(MODEM, PICO, ES4), profile("emstat4-lr").portWanted())).isEqualTo("/dev/ttyACM0");
    }

    @Test
    void noneOrSeveralAreRefusedWithTheCandidates() throws Exception {
        assertThatThrownBy(() -> PortFinder.choose(List.of(MODEM), profile("emstat4-hr").portWanted()))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("no serial port looks like a emstat4-hr")
                .hasMessageContaining("/dev/ttyS0 (—, Physical Port S0)")
                .hasMessageContaining("give --port PATH");
        PortFinder.PortInfo second = new PortFinder.PortInfo("/dev/ttyACM1", Optional.empty(), "EmStat4", 0x2FE3, 0x0100, "X");
        assertThatThrownBy(() -> PortFinder.choose(List.of(ES4, second), profile("emstat4-hr").portWanted()))
                .hasMessage("2 ports look like a emstat4-hr: /dev/ttyACM0, /dev/ttyACM1; choose one with --port PATH");
    }

    @Test
    void aGivenPortIsTakenAsItIs() throws Exception {
        assertThat(PortFinder.resolve(Optional.of("/dev/ttyACM3"), profile("rodeostat").portWanted())).isEqualTo("/dev/ttyACM3");
    }

    @Test
    void aBrokenDescriptionPatternIsRefusedWithItsPlace() throws Exception {
        // Found by fuzzing: an unbalanced \\E in the pattern used to escape as a PatternSyntaxException.
        String text = java.nio.file.Files.readString(Fixtures.HOME.resolve("drivers/rodeostat.yaml"))
                .replaceFirst("description: '([^']*)'", "description: '$1\\\\E]'");
        assertThat(text).contains("\\E]");
        assertThatThrownBy(() -> InstrumentProfile.parse(java.nio.file.Path.of("drivers/rodeostat.yaml"), text))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("drivers/rodeostat.yaml:")
                .hasMessageContaining("field 'usb.description'")
                .hasMessageContaining("is not a valid pattern (Illegal/unsupported escape sequence at character");
    }
}
