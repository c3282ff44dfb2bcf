package org.norrlab.protocol;

import org.junit.jupiter.api.Test;
import org.norrlab.protocol.rodeostat.RodeostatException;
import org.norrlab.protocol.rodeostat.RodeostatMessages;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against the verbatim examples of the Rodeostat's json.rst (serial-protocols.md §2). */
class RodeostatMessagesTest {

    @Test
    void commandsAreCompactJsonWithLf() {
        var cmd = RodeostatMessages.command("setVolt").put("v", 0.5);
        assertThat(new String(RodeostatMessages.frame(cmd), StandardCharsets.US_ASCII)).isEqualTo("{\"command\":\"setVolt\",\"v\":0.5}\n");
        assertThat(new String(RodeostatMessages.frame(RodeostatMessages.command("getVersion")), StandardCharsets.US_ASCII))
                .isEqualTo("{\"command\":\"getVersion\"}\n");
    }

    @Test
    void aMessageOfSixtyFourBytesGetsALeadingSpace() {
        // {"command":"setDeviceId","x":"...."} padded to exactly 64 bytes with its LF.
        var cmd = RodeostatMessages.command("setDeviceId");
        String base = new String(RodeostatMessages.frame(cmd), StandardCharsets.US_ASCII);
        cmd.put("p", "x".repeat(64 - base.length() - ",\"p\":\"\"".length()));
        byte[] framed = RodeostatMessages.frame(cmd);
        assertThat(framed.length).isEqualTo(65);
        assertThat((char) framed[0]).isEqualTo(' ');
    }

    @Test
    void repliesAreCheckedForSuccessAndTheEchoedCommand() throws RodeostatException {
        var response = RodeostatMessages.reply("{\"success\":true,\"response\":{\"command\":\"getVersion\",\"version\":\"FW0.0.9\"}}",
                "getVersion");
        assertThat(response.get("version").asText()).isEqualTo("FW0.0.9");
        assertThatThrownBy(() -> RodeostatMessages.reply("{\"success\":true,\"response\":{\"command\":\"setVolt\",\"v\":0.499878}}",
                "getVersion")).hasMessageContaining("the reply answers 'setVolt', not 'getVersion'");
        assertThatThrownBy(() -> RodeostatMessages.reply("{\"success\":false,\"message\":\"json samplePeriod value is too small\",\"response\":{}}",
                "setSamplePeriod")).hasMessageContaining("refused 'setSamplePeriod': json samplePeriod value is too small");
        assertThatThrownBy(() -> RodeostatMessages.reply("{\"success\":tr", "x")).hasMessageContaining("not JSON");
    }

    @Test
    void samplesEndMarkerNanAndLimitErrors() throws RodeostatException {
        var s = RodeostatMessages.sample("{\"t\":1250,\"v\":0.5,\"i\":-0.095238}");
        assertThat(s.end()).isFalse();
        assertThat(s.timeMillis()).isEqualTo(1250);
        assertThat(s.microamps()).isEqualTo(-0.095238);
        assertThat(RodeostatMessages.sample("{}").end()).isTrue();
        assertThat(RodeostatMessages.sample("{\"t\":5,\"v\":0.5,\"i\":NaN}").microamps()).isNaN();
        assertThat(RodeostatMessages.sample("{\"t\":5,\"v\":0.5,\"i\":Infinity,\"le\":true}").limitError()).isTrue();
        assertThatThrownBy(() -> RodeostatMessages.sample("{\"t\":5,\"v\":0.5}")).hasMessageContaining("needs t, v and i");
    }

    @Test
    void numbersPrintAsArduinoJsonDoes() {
        assertThat(RodeostatMessages.number(0.5)).isEqualTo("0.5");
        assertThat(RodeostatMessages.number(-0.095238)).isEqualTo("-0.095238");
        assertThat(RodeostatMessages.number(0.4998781234)).isEqualTo("0.499878");
        assertThat(RodeostatMessages.number(14480.0)).isEqualTo("14480");
        assertThat(RodeostatMessages.number(1.5e-6)).isEqualTo("1.5e-6");
        assertThat(RodeostatMessages.number(0)).isEqualTo("0");
        assertThat(RodeostatMessages.number(Double.NaN)).isEqualTo("NaN");
        assertThat(RodeostatMessages.sampleLine(1250, 0.5, -0.095238)).isEqualTo("{\"t\":1250,\"v\":0.5,\"i\":-0.095238}");
        assertThat(RodeostatMessages.rangeName(24e-3)).isEqualTo("24000uA");
        assertThat(RodeostatMessages.rangeName(100e-6)).isEqualTo("100uA");
        assertThat(RodeostatMessages.rangeName(60e-9)).isEqualTo("60nA");
    }
}
