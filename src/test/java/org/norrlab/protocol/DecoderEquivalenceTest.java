package org.norrlab.protocol;

import org.junit.jupiter.api.Test;
import org.norrlab.protocol.methodscript.DataValue;
import org.norrlab.protocol.methodscript.PacketParser;
import org.norrlab.protocol.methodscript.Reply;
import org.norrlab.protocol.methodscript.ReplyDecoder;
import org.norrlab.protocol.oracle.OldLineAssembler;
import org.norrlab.protocol.oracle.OldPacketParser;
import org.norrlab.protocol.oracle.OldReplyParser;
import org.norrlab.protocol.oracle.OldRodeostatSample;
import org.norrlab.protocol.rodeostat.RodeostatMessages;
import org.norrlab.testing.SharedFixtures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte decoders of issue 23 against the decoders they replaced, kept as oracles in {@code protocol.oracle}: every
 * line of the fuzz corpus and of the transcripts, then some 160 000 lines made from those by seeded
 * mutation, must give the same reply (values compared bit for bit, NaN and -0.0 included) or the same refusal with
 * the same message, through each entry point: bytes from the line assembler, a String line, the package parser.
 */
class DecoderEquivalenceTest {
    private static final Path FUZZ = Path.of("src/test/resources/org/norrlab/fuzz");
    private static final Path TRANSCRIPTS = Path.of("src/test/resources/transcripts");
    /** Device lines of serial-protocols.md §1.6 and §1.3: every line kind, NaN, noise metadata, every prefix seen. */
    private static final List<String> VECTORS = List.of(
            "Pda7F85F3Fu;ba48D503Dp,10,288", "Pda84E63DAn;ba82AB973f,14,284", "PdcDF5DFF4u;cc896D904m,10,287;cd82DB1A8u,10,287",
            "Pba7FBF3B9f,14,20C,44", "Pda807A1CAu;ba6FFA74Ba,14,200", "Pda8000000 ;ba85572E7a,14,200",
            "Pda7FB7BC9u;ba4A982F4a,14,281;ba8000000 ,14,281;baB567D0Ca,14,281", "Pdc8030D40 ;cc     nan,14,288;cd     nan,14,202",
            "Pdc801ECEF ;cc8A49250 ,14,287;cd6C1FF98 ,14,203", "Pdc980316Cu;cc7D12320k,14,281;cd8020A30k,14,202",
            "Peb8030D40i;da8000001M;ba8000001G,1F,2FF", "Pja8000001T;jb8000001P,12;jc8000001E",
            "e", "M0007", "M000D", "*", "L", "+", "C0001", "-", "Z", "Z!0006", "!4001: (Line 9, Col 1)", "e!0003",
            "!0001:", "THello world!", "", "tes4_hr1500#Mar 12 2026 14:28:01", "R*", "v01.09.00");
    /** What a mutation writes: the line's own alphabet, the characters the regexes and parseLong treat specially. */
    private static final byte[] ALPHABET = ("0123456789ABCDEFabcdefgzPMCTLZe*+-!:;, \t\r\u000B\f.nau`{@[/GZ"
            + "\u0085\u00B5\u00DF\u00FF\u00AA\u0000\u007F").getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void everyLineOfTheFuzzCorpusAndTheTranscriptsDecodesAsBefore() throws IOException {
        List<byte[]> lines = corpusLines();
        Tally tally = new Tally();
        for (byte[] line : lines) {
            compareMethodScript(line, tally);
            compareRodeostat(new String(line, StandardCharsets.ISO_8859_1), tally);
        }
        // Not vacuous: the corpus holds data packages, errors, refusals and Rodeostat samples the scanner read.
        assertThat(tally.packages).as("packages").isGreaterThanOrEqualTo(10);
        assertThat(tally.errors).as("error replies").isGreaterThanOrEqualTo(3);
        assertThat(tally.refused).as("refused lines").isGreaterThan(10);
        assertThat(tally.samples).as("Rodeostat samples").isGreaterThanOrEqualTo(20);
    }

    @Test
    void theRealVendorLinesDecodeAsBefore() throws IOException {
        Tally tally = new Tally();
        for (String name : List.of("methodscript/lsv_dummy10k_response.txt", "methodscript/single_packets.txt",
                "rodeostat/const_test_data.txt", "rodeostat/cyclic_test_data.txt")) {
            byte[] bytes = Files.readAllBytes(SharedFixtures.vendorFile(name));
            for (String line : new OldLineAssembler(4096).feed(bytes)) {
                compareMethodScript(line.getBytes(StandardCharsets.ISO_8859_1), tally);
                compareRodeostat(line, tally);
            }
        }
        assertThat(tally.packages).isGreaterThanOrEqualTo(8);
    }

    @Test
    void mutatedLinesDecodeAsBefore() throws IOException {
        List<byte[]> seeds = new ArrayList<>(corpusLines());
        for (String vector : VECTORS) {
            seeds.add(vector.getBytes(StandardCharsets.ISO_8859_1));
        }
        SplittableRandom random = new SplittableRandom(23);
        Tally tally = new Tally();
        for (int n = 0; n < 100_000; n++) {
            compareMethodScript(mutate(seeds.get(random.nextInt(seeds.size())), random), tally);
        }
        // Mutations that still decode, and in every way a line can be refused.
        assertThat(tally.packages).isGreaterThan(2_500);
        assertThat(tally.errors).isGreaterThan(500);
        assertThat(tally.refused).isGreaterThan(2_500);
    }

    @Test
    void linesBeyondIsoLatin1DecodeAsBefore() {
        // Only a String line (an importer's file) can hold them: full-width and Arabic-Indic digits, which parseLong
        // reads as hex digits; the line separators the regex's '.' does not match; a lower-case letter beyond Latin-1.
        String[] wide = {"\uFF10", "\uFF21", "\u0660", "\u2028", "\u2029", "\u0101", "\u20AC"};
        SplittableRandom random = new SplittableRandom(7);
        Tally tally = new Tally();
        for (int n = 0; n < 20_000; n++) {
            StringBuilder line = new StringBuilder(VECTORS.get(random.nextInt(VECTORS.size())));
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                int at = line.isEmpty() ? 0 : random.nextInt(line.length());
                String c = wide[random.nextInt(wide.length)];
                if (random.nextBoolean() && !line.isEmpty()) {
                    line.replace(at, at + 1, c);
                } else {
                    line.insert(at, c);
                }
            }
            String text = line.toString();
            same(text, outcome(() -> Reply.parse(text)), outcome(() -> OldReplyParser.parse(text)));
            same(text, outcome(() -> PacketParser.parse(text)), outcome(() -> OldPacketParser.parse(text)));
            tally.count(outcome(() -> OldReplyParser.parse(text)));
        }
        assertThat(tally.packages).isGreaterThan(400);
    }

    @Test
    void rodeostatSampleLinesDecodeAsBefore() {
        SplittableRandom random = new SplittableRandom(5);
        Tally tally = new Tally();
        String[] odd = {"NaN", "Infinity", "-Infinity", "-0", "0", "-0.0", "1e5", "1E-7", "1.5e+3", "01", "1.", ".5",
                "12345678901234567890", "123456789012345678", "1234567890.123456", "0.1", "-1e-400", "1e400", "+1", "nan"};
        for (int n = 0; n < 40_000; n++) {
            String t = random.nextInt(10) == 0 ? odd[random.nextInt(odd.length)] : Long.toString(random.nextLong(0, 1L << 40));
            String v = pick(random, odd);
            String i = pick(random, odd);
            String le = switch (random.nextInt(6)) {
                case 0 -> ",\"le\":true";
                case 1 -> ",\"le\":false";
                case 2 -> ",\"le\":1";
                default -> "";
            };
            String line = "{\"t\":" + t + ",\"v\":" + v + ",\"i\":" + i + le + "}";
            compareRodeostat(random.nextInt(20) == 0 ? mutate(line, random) : line, tally);
        }
        assertThat(tally.samples).isGreaterThan(20_000);
        assertThat(tally.refused).isGreaterThan(400);
    }

    @Test
    void theByteFedAssemblerCutsEveryStreamAsTheOldOne() {
        SplittableRandom random = new SplittableRandom(11);
        byte[] pieces = "Pda7F85F3Fu;ba48D503Dp,10,288\r\n\n\r\rxyz".getBytes(StandardCharsets.ISO_8859_1);
        for (int n = 0; n < 3_000; n++) {
            byte[] stream = new byte[random.nextInt(1, 400)];
            for (int k = 0; k < stream.length; k++) {
                stream[k] = pieces[random.nextInt(pieces.length)];
            }
            int max = random.nextInt(1, 40);
            OldLineAssembler old = new OldLineAssembler(max);
            LineAssembler strings = new LineAssembler(max);
            LineAssembler bytes = new LineAssembler(max);
            for (int offset = 0; offset < stream.length; ) {
                int count = Math.min(random.nextInt(1, 70), stream.length - offset);
                List<String> expected = old.feed(stream, offset, count);
                List<String> fromBytes = new ArrayList<>();
                bytes.feed(stream, offset, count, (b, s, l) -> fromBytes.add(new String(b, s, l, StandardCharsets.ISO_8859_1)));
                assertThat(strings.feed(stream, offset, count)).isEqualTo(expected);
                assertThat(fromBytes).isEqualTo(expected);
                assertThat(bytes.pendingBytes()).isEqualTo(old.pendingBytes());
                assertThat(bytes.overlongLines()).isEqualTo(old.overlongLines());
                offset += count;
            }
        }
    }

    private static String pick(SplittableRandom random, String[] odd) {
        return switch (random.nextInt(5)) {
            case 0 -> odd[random.nextInt(odd.length)];
            case 1 -> RodeostatMessages.number(random.nextGaussian() * Math.pow(10, random.nextInt(-9, 9)));
            case 2 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(-9, 9)));
            case 3 -> String.format(Locale.ROOT, "%.3f", random.nextDouble(-2, 2));
            default -> RodeostatMessages.number((float) (random.nextDouble(-24000, 24000)));
        };
    }

    /** The whole fuzz corpus and every transcript, cut into lines: the raw file, and the device's bytes it records. */
    private static List<byte[]> corpusLines() throws IOException {
        List<byte[]> lines = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> fuzz = Files.walk(FUZZ); Stream<Path> transcripts = Files.walk(TRANSCRIPTS)) {
            files = Stream.concat(fuzz, transcripts).filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (String line : new OldLineAssembler(4096).feed(bytes)) {
                lines.add(line.getBytes(StandardCharsets.ISO_8859_1));
                if (line.startsWith("< ")) {
                    byte[] device = line.substring(2).replace("\\r", "\r").replace("\\n", "\n").getBytes(StandardCharsets.ISO_8859_1);
                    for (String deviceLine : new OldLineAssembler(4096).feed(device)) {
                        lines.add(deviceLine.getBytes(StandardCharsets.ISO_8859_1));
                    }
                }
            }
        }
        return lines;
    }

    private static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] line = seed.clone();
        int edits = random.nextInt(4);
        for (int k = 0; k < edits; k++) {
            int kind = random.nextInt(4);
            if (line.length == 0 || kind == 0) {
                int at = random.nextInt(line.length + 1);
                byte[] longer = new byte[line.length + 1];
                System.arraycopy(line, 0, longer, 0, at);
                longer[at] = ALPHABET[random.nextInt(ALPHABET.length)];
                System.arraycopy(line, at, longer, at + 1, line.length - at);
                line = longer;
            } else if (kind == 1) {
                int at = random.nextInt(line.length);
                byte[] shorter = new byte[line.length - 1];
                System.arraycopy(line, 0, shorter, 0, at);
                System.arraycopy(line, at + 1, shorter, at, line.length - at - 1);
                line = shorter;
            } else if (kind == 2) {
                line[random.nextInt(line.length)] = ALPHABET[random.nextInt(ALPHABET.length)];
            } else {
                line[random.nextInt(line.length)] = (byte) random.nextInt(256);
            }
        }
        return line;
    }

    private static String mutate(String seed, SplittableRandom random) {
        return new String(mutate(seed.getBytes(StandardCharsets.ISO_8859_1), random), StandardCharsets.ISO_8859_1);
    }

    private static void compareMethodScript(byte[] line, Tally tally) {
        String text = new String(line, StandardCharsets.ISO_8859_1);
        Object expected = outcome(() -> OldReplyParser.parse(text));
        // In the middle of a larger array, as the assembler hands out a line inside its chunk.
        byte[] framed = new byte[line.length + 6];
        System.arraycopy(line, 0, framed, 3, line.length);
        framed[0] = framed[framed.length - 1] = 'P';
        framed[1] = framed[framed.length - 2] = ';';
        same(text, outcome(() -> ReplyDecoder.decode(framed, 3, line.length)), expected);
        same(text, outcome(() -> Reply.parse(text)), expected);
        same(text, outcome(() -> PacketParser.parse(text)), outcome(() -> OldPacketParser.parse(text)));
        tally.count(expected);
    }

    private static void compareRodeostat(String line, Tally tally) {
        Object expected = outcome(() -> OldRodeostatSample.sample(line));
        same(line, outcome(() -> RodeostatMessages.sample(line)), expected);
        tally.count(expected);
    }

    /** Records compare their doubles with Double.compare: bit for bit but for NaN's payload, -0.0 unequal to 0.0. */
    private static void same(String line, Object actual, Object expected) {
        if (!Objects.equals(actual, expected)) {
            assertThat(actual).as("line '%s'", line).isEqualTo(expected);
        }
    }

    private interface Decoding {
        Object run() throws Exception;
    }

    /** What a decoder gave: its result, or the kind and message of what it threw. */
    private static Object outcome(Decoding decoding) {
        try {
            return decoding.run();
        } catch (Exception e) {
            return "refused: " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static final class Tally {
        int packages;
        int errors;
        int refused;
        int samples;

        void count(Object outcome) {
            if (outcome instanceof Reply.Package) {
                packages++;
            } else if (outcome instanceof Reply.Error) {
                errors++;
            } else if (outcome instanceof RodeostatMessages.StreamLine line && !line.end()) {
                samples++;
            } else if (outcome instanceof String) {
                refused++;
            }
        }
    }
}
