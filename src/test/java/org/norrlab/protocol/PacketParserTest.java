package org.norrlab.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.norrlab.protocol.methodscript.DataValue;
import org.norrlab.protocol.methodscript.ErrorCode;
import org.norrlab.protocol.methodscript.MalformedReplyException;
import org.norrlab.protocol.methodscript.PacketParser;
import org.norrlab.protocol.methodscript.Reply;
import org.norrlab.protocol.methodscript.ScriptWriter;
import org.norrlab.protocol.methodscript.SiPrefix;
import org.norrlab.testing.SharedFixtures;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The decoded test vectors of serial-protocols.md §1.6 and the real device output in the shared fixtures
 * (those tests are skipped on a clone without ../shared, see {@link SharedFixtures}).
 */
class PacketParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Pda7F85F3Fu;ba48D503Dp,10,288 | da | -0.499905 | ba | -5.7847747e-5 | 0 | 136",
            "Pda7F9234Bu;ba4E2C324p,10,288 | da | -0.449717 | ba | -5.2248e-5    | 0 | 136",
            "Pda806EC24u;baAE16C6Dp,10,288 | da | 0.453668  | ba | 4.8328e-5     | 0 | 136",
            "Pda807B031u;baB360495p,10,288 | da | 0.503857  | ba | 5.3872e-5     | 0 | 136",
            "Pda7F85F3Fu;ba4BA99F0p,10,288 | da | -0.499905 | ba | -5.487976e-5  | 0 | 136",
            "Pda84E63DAn;ba82AB973f,14,284 | da | 0.00513737 | ba | 2.799987e-9  | 4 | 132",
            "Pda807A1CAu;ba6FFA74Ba,14,200 | da | 0.50017   | ba | -1.6799925e-11 | 4 | 0",
            "Pda8000000 ;ba85572E7a,14,200 | da | 0         | ba | 5.599975e-12  | 4 | 0",
            "Pda89BC152n;ba85572E7a,14,200 | da | 0.01020757 | ba | 5.599975e-12 | 4 | 0",
            "Pda7FD5A28u;ba85572E7a,14,200 | da | -0.173528 | ba | 5.599975e-12  | 4 | 0",
    })
    void decodesPotentialCurrentPackages(String line, String t1, double v1, String t2, double v2, int status, int range)
            throws MalformedReplyException {
        List<DataValue> values = PacketParser.parse(line);
        assertThat(values).hasSize(2);
        assertThat(values.get(0).type()).isEqualTo(t1);
        assertThat(values.get(0).value()).isCloseTo(v1, within(Math.abs(v1) * 1e-6 + 1e-12));
        assertThat(values.get(1).type()).isEqualTo(t2);
        assertThat(values.get(1).value()).isCloseTo(v2, within(Math.abs(v2) * 1e-4));
        assertThat(values.get(1).status()).isEqualTo(status);
        assertThat(values.get(1).rangeCode()).isEqualTo(range);
    }

    @Test
    void decodesImpedanceNanAndNoiseMetadata() throws MalformedReplyException {
        List<DataValue> eis = PacketParser.parse("PdcDF5DFF4u;cc896D904m,10,287;cd82DB1A8u,10,287");
        assertThat(eis.get(0).value()).isCloseTo(99.999732, within(1e-6));
        assertThat(eis.get(1).value()).isCloseTo(9885.956, within(1e-3));
        assertThat(eis.get(2).value()).isCloseTo(2.9946, within(1e-4));
        assertThat(eis.get(2).rangeCode()).isEqualTo(135);
        List<DataValue> nan = PacketParser.parse("Pdc8030D40 ;cc     nan,14,288;cd     nan,14,202");
        assertThat(nan.get(0).value()).isEqualTo(200_000.0);
        assertThat(nan.get(1).value()).isNaN();
        assertThat(nan.get(2).rangeCode()).isEqualTo(2);
        List<DataValue> noise = PacketParser.parse("Pba7FBF3B9f,14,20C,44");
        assertThat(noise.get(0).value()).isCloseTo(-2.65287e-10, within(1e-15));
        assertThat(noise.get(0).rangeCode()).isEqualTo(12);
        List<DataValue> swv = PacketParser.parse("Pda7FB7BC9u;ba4A982F4a,14,281;ba8000000 ,14,281;baB567D0Ca,14,281");
        assertThat(swv).extracting(DataValue::type).containsExactly("da", "ba", "ba", "ba");
        assertThat(swv.get(2).value()).isZero();
        assertThat(PacketParser.parse("Pdc801ECEF ;cc8A49250 ,14,287;cd6C1FF98 ,14,203").get(2).value()).isEqualTo(-20_840_552.0);
        assertThat(PacketParser.parse("Pdc980316Cu;cc7D12320k,14,281;cd8020A30k,14,202").get(1).value()).isEqualTo(-3_071_200_000.0);
    }

    @Test
    void encodingIsTheInverseOfDecoding() throws MalformedReplyException {
        for (double value : new double[] {-0.499905, 5.7847747e-5, -1.234567e-3, 0, 0.1, 3600.5, 14.48e-3, -2.5e-11, -10,
                -3600.5}) {
            double decoded = PacketParser.parse("Pba" + DataValue.encode(value)).get(0).value();
            assertThat(decoded).isCloseTo(value, within(Math.abs(value) * 1e-6 + 1e-30));
        }
        // Zero goes out as the recorded CV and SWV packages send it (serial-protocols.md §1.6 rows 10 and 13).
        assertThat(DataValue.encode(0)).isEqualTo("8000000 ");
        // -10 V overflows a long in attovolts (-1e19); it is -10000000 uV = 0x8000000 - 0x989680
        assertThat(DataValue.encode(-10)).isEqualTo("7676980u");
        assertThat(DataValue.encode(Double.NaN)).isEqualTo("     nan");
    }

    /**
     * The emulator writes what the firmware wrote: every variable of every verbatim line of serial-protocols.md §1.6
     * (rows 1-17: PalmSens' README packages and EmStat Pico logs), decoded and encoded again, gives back the same 7 hex
     * digits and the same prefix. The rule that does so keeps the integer below 10^8 (row 15's 126 191 Hz would fit
     * 126 191 000 mHz into 7 hex digits, row 17's 133 680 kOhm 133 680 000 Ohm; the firmware took the coarser prefix).
     */
    @Test
    void encodingPicksThePrefixTheFirmwarePicked() throws MalformedReplyException {
        List<String> rows = List.of("Pda7F85F3Fu;ba48D503Dp,10,288", "Pda7F9234Bu;ba4E2C324p,10,288",
                "Pda806EC24u;baAE16C6Dp,10,288", "Pda807B031u;baB360495p,10,288", "Pda7F85F3Fu;ba4BA99F0p,10,288",
                "Pda84E63DAn;ba82AB973f,14,284", "PdcDF5DFF4u;cc896D904m,10,287;cd82DB1A8u,10,287",
                "Pba7FBF3B9f,14,20C,44", "Pda807A1CAu;ba6FFA74Ba,14,200", "Pda8000000 ;ba85572E7a,14,200",
                "Pda89BC152n;ba85572E7a,14,200", "Pda7FD5A28u;ba85572E7a,14,200",
                "Pda7FB7BC9u;ba4A982F4a,14,281;ba8000000 ,14,281;baB567D0Ca,14,281",
                "Pdc8030D40 ;cc     nan,14,288;cd     nan,14,202", "Pdc801ECEF ;cc8A49250 ,14,287;cd6C1FF98 ,14,203",
                "PdcCBEED30m;cc799CFEC ,14,285;cd55790D4 ,14,203", "Pdc980316Cu;cc7D12320k,14,281;cd8020A30k,14,202");
        for (String row : rows) {
            String[] fields = row.substring(1).split(";");
            List<DataValue> values = PacketParser.parse(row);
            for (int i = 0; i < fields.length; i++) {
                assertThat(values.get(i).type() + DataValue.encode(values.get(i).value())).as(row)
                        .isEqualTo(fields[i].split(",")[0]);
            }
        }
    }

    @Test
    void badPackagesAreRefusedWithTheLine() {
        assertThatThrownBy(() -> PacketParser.parse("Pda7F85F3F")).hasMessageContaining("10 characters");
        assertThatThrownBy(() -> PacketParser.parse("Pda7F85F3Gu")).hasMessageContaining("is not 7 hex digits");
        assertThatThrownBy(() -> PacketParser.parse("Pda7F85F3Fq")).hasMessageContaining("'q' is not an SI prefix");
        assertThatThrownBy(() -> PacketParser.parse("PDA7F85F3Fu")).hasMessageContaining("not two lower-case letters");
        assertThatThrownBy(() -> PacketParser.parse("Pda7F85F3Fu,1Z")).hasMessageContaining("metadata '1Z' is not hexadecimal");
        assertThatThrownBy(() -> Reply.parse("Q\u0001")).hasMessageContaining("unexpected line in device line 'Q\\x01'");
    }

    @Test
    void everyReplyLineTypeIsClassified() throws MalformedReplyException {
        assertThat(Reply.parse("e")).isInstanceOf(Reply.Acknowledged.class);
        assertThat(Reply.parse("M0007")).isEqualTo(new Reply.LoopStarted(7));
        assertThat(Reply.parse("*")).isInstanceOf(Reply.LoopEnded.class);
        assertThat(Reply.parse("")).isInstanceOf(Reply.ScriptEnded.class);
        assertThat(Reply.parse("Thello world!")).isEqualTo(new Reply.Text("hello world!"));
        assertThat(Reply.parse("Z")).isInstanceOf(Reply.AbortAcknowledged.class);
        assertThat(Reply.parse("L")).isEqualTo(new Reply.Marker('L'));
        assertThat(Reply.parse("+")).isEqualTo(new Reply.Marker('+'));
        assertThat(Reply.parse("C0001")).isEqualTo(new Reply.ScanStarted(1));
        assertThat(Reply.parse("C00A5")).isEqualTo(new Reply.ScanStarted(0xA5));
        assertThat(Reply.parse("-")).isEqualTo(new Reply.ScanEnded());
        assertThat(Reply.parse("Z!0006")).isEqualTo(new Reply.Error(ErrorCode.of("0006"), ""));
        Reply.Error script = (Reply.Error) Reply.parse("!4001: (Line 1, Col 16)");
        assertThat(script.code().meaning()).isEqualTo("script command unknown");
        assertThat(script.context()).isEqualTo("(Line 1, Col 16)");
        assertThat(script.code().isScriptError()).isTrue();
        assertThat(ErrorCode.of("s!0003".substring(2)).meaning()).isEqualTo("command not recognized");
        assertThat(ErrorCode.of("4203").meaning()).isEqualTo("script argument validation error");
        assertThat(ErrorCode.of("0abc").meaning()).isEqualTo("undocumented error code");
    }

    @Test
    void theRealLsvTranscriptParsesSplitAtEveryChunkSize() throws Exception {
        byte[] bytes = Files.readAllBytes(SharedFixtures.vendorFile("methodscript/lsv_dummy10k_response.txt"));
        List<String> expected = null;
        for (int chunk = 1; chunk <= bytes.length; chunk++) {
            LineAssembler assembler = new LineAssembler(4096);
            List<String> lines = new ArrayList<>();
            for (int offset = 0; offset < bytes.length; offset += chunk) {
                lines.addAll(assembler.feed(bytes, offset, Math.min(chunk, bytes.length - offset)));
            }
            if (expected == null) {
                expected = lines;
            }
            assertThat(lines).as("chunk size %d", chunk).isEqualTo(expected);
        }
        List<Reply> replies = new ArrayList<>();
        for (String line : expected) {
            replies.add(Reply.parse(line));
        }
        assertThat(replies.get(0)).isInstanceOf(Reply.Acknowledged.class);
        assertThat(replies.get(1)).isEqualTo(new Reply.LoopStarted(0));
        assertThat(replies.subList(2, 6)).allMatch(r -> r instanceof Reply.Package);
        assertThat(replies.get(6)).isInstanceOf(Reply.LoopEnded.class);
        assertThat(replies.get(7)).isInstanceOf(Reply.ScriptEnded.class);
        // The LSV on a 10 kΩ dummy: I = E/R within the instrument's accuracy.
        for (Reply reply : replies.subList(2, 6)) {
            List<DataValue> v = ((Reply.Package) reply).values();
            assertThat(v.get(1).value()).isCloseTo(v.get(0).value() / 10_000, within(1e-5));
        }
        // CRLF line ends and two lines in one chunk give the same lines.
        String crlf = new String(bytes, StandardCharsets.US_ASCII).replace("\n", "\r\n");
        assertThat(new LineAssembler(4096).feed(crlf.getBytes(StandardCharsets.US_ASCII))).isEqualTo(expected);
    }

    @Test
    void theRealSinglePacketsAllParse() throws Exception {
        List<String> lines = Files.readAllLines(SharedFixtures.vendorFile("methodscript/single_packets.txt"));
        assertThat(lines).hasSize(4);
        for (String line : lines) {
            assertThat(Reply.parse(line)).isInstanceOf(Reply.Package.class);
        }
    }

    @Test
    void aLineAssemblerDropsOverlongGarbage() {
        LineAssembler assembler = new LineAssembler(16);
        byte[] flood = new byte[100];
        java.util.Arrays.fill(flood, (byte) 'x');
        assertThat(assembler.feed(flood)).isEmpty();
        assertThat(assembler.overlongLines()).isGreaterThan(0);
        assertThat(assembler.feed("tail\nok\n".getBytes(StandardCharsets.US_ASCII))).containsExactly("ok");
        assertThat(assembler.overlongLines()).isEqualTo(1);
    }

    @Test
    void scriptsAreFramedWithoutBlankLinesAndEndWithOne() {
        List<String> script = ScriptWriter.chronoamperometry(-1.01076, 0.1, 3600, 0.1, true,
                new ScriptWriter.Settings(2, 60, 1e-7, 0.1));
        String framed = new String(ScriptWriter.frame(script), StandardCharsets.US_ASCII);
        assertThat(framed).startsWith("e\nvar p\nvar c\nvar t\nset_pgstat_chan 0\nset_pgstat_mode 2\n")
                .contains("set_range_minmax da -1010760u -1010760u\n").contains("set_autoranging ba 100n 100m\n")
                .contains("meas_loop_ca p c -1010760u 100m 3600\n").contains("pck_add t\npck_add p\npck_add c\n")
                .endsWith("endloop\non_finished:\ncell_off\n\n");
        assertThat(framed.indexOf("\n\n")).isEqualTo(framed.length() - 2);
        assertThat(new String(ScriptWriter.frame(List.of("e", "  # comment", "", "cell_off")), StandardCharsets.US_ASCII))
                .isEqualTo("e\ncell_off\n\n");
        assertThat(SiPrefix.literal(0.1)).isEqualTo("100m");
        assertThat(SiPrefix.literal(2)).isEqualTo("2");
        assertThat(SiPrefix.literal(5e-9)).isEqualTo("5n");
    }
}
