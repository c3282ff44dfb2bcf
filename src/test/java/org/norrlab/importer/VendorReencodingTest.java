package org.norrlab.importer;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.Sample;
import org.norrlab.testing.SharedFixtures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every text fixture written again as other software or another PC would have written it — UTF-8 with and without a
 * BOM, UTF-16LE with and without a BOM, Windows-1252 where every character fits, with LF and with CRLF line ends — must
 * import to exactly the same steps (facts and samples) as the original, or be refused with the same message apart
 * from the file's path. The bytes change, the text does not, so nothing the importer reports may change.
 */
@Tag("contract")
class VendorReencodingTest {
    /**
     * Not text, so there is nothing to re-encode: .mpr is EC-Lab's binary format, .idf is Ivium's binary records with
     * NUL bytes and length prefixes, and .pssession is a UTF-16 JSON document whose own encoding is part of the
     * format (PalmSens writes nothing else).
     */
    static final Set<String> BINARY_EXTENSIONS = Set.of("mpr", "idf", "pssession");

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};
    /** CR CR LF (old CHI), CRLF, LF and lone CR each end one line. */
    private static final Pattern LINE_END = Pattern.compile("\r*\n|\r+");

    @TempDir
    Path temp;

    /** How a fixture's text is written again: an encoding, the BOM it starts with, and the line end. */
    private record Variant(String name, Charset charset, byte[] bom, String lineEnd) {
    }

    /**
     * Each encoding once at least, and LF and CRLF in the byte-per-character encodings: what Windows (CRLF) and
     * Unix (LF) software write. UTF-16 with CRLF is what PSTrace writes. A variant whose bytes equal the original's,
     * or another variant's (an ASCII file is the same in UTF-8 and Windows-1252), is read only once.
     */
    private static final List<Variant> VARIANTS = List.of(
            new Variant("UTF-8, LF", StandardCharsets.UTF_8, new byte[0], "\n"),
            new Variant("UTF-8, CRLF", StandardCharsets.UTF_8, new byte[0], "\r\n"),
            new Variant("UTF-8 with BOM, CRLF", StandardCharsets.UTF_8, UTF8_BOM, "\r\n"),
            new Variant("UTF-16LE with BOM, CRLF", StandardCharsets.UTF_16LE, UTF16LE_BOM, "\r\n"),
            new Variant("UTF-16LE without BOM, CRLF", StandardCharsets.UTF_16LE, new byte[0], "\r\n"),
            new Variant("Windows-1252, LF", WINDOWS_1252, new byte[0], "\n"),
            new Variant("Windows-1252, CRLF", WINDOWS_1252, new byte[0], "\r\n"));

    /** What reading a file gave: its steps, or the refusal's message with the file's path taken out. */
    private record Outcome(List<ImportedSession.Step> steps, String refusal) {
        static Outcome of(Path file) {
            try {
                return new Outcome(ImportService.read(file).steps(), null);
            } catch (ImportException e) {
                return new Outcome(null, e.getMessage().replace(file.toString(), "<file>"));
            }
        }

        String describe() {
            return refusal != null ? "refused: " + refusal : steps.size() + " step(s)";
        }
    }

    @TestFactory
    Stream<DynamicTest> everyTextFixtureImportsTheSameWhateverItsEncodingAndLineEnds() {
        Path folder = SharedFixtures.vendor();
        return VendorContractTest.fixtureFiles(folder).stream()
                .filter(name -> !BINARY_EXTENSIONS.contains(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)))
                .map(name -> DynamicTest.dynamicTest(name, () -> sameWhateverTheBytes(folder.resolve(name))));
    }

    private void sameWhateverTheBytes(Path original) throws IOException {
        byte[] bytes = Files.readAllBytes(original);
        String text = decode(bytes, original);
        boolean endsWithLineEnd = text.endsWith("\n") || text.endsWith("\r");
        List<String> lines = new ArrayList<>(Arrays.asList(LINE_END.split(text, -1)));
        if (endsWithLineEnd) {
            lines.remove(lines.size() - 1); // the empty string after the last line end
        }
        Outcome expected = Outcome.of(original);
        List<String> differences = new ArrayList<>();
        Set<ByteBuffer> read = new HashSet<>();
        read.add(ByteBuffer.wrap(bytes));
        for (Variant variant : VARIANTS) {
            if (!variant.charset().newEncoder().canEncode(text)) {
                continue; // e.g. a character Windows-1252 has no byte for: no PC could have written it that way
            }
            byte[] written = encode(String.join(variant.lineEnd(), lines) + (endsWithLineEnd ? variant.lineEnd() : ""),
                    variant);
            if (!read.add(ByteBuffer.wrap(written))) {
                continue;
            }
            // the same file name in a folder of its own, so a message naming the file reads the same
            Path folder = Files.createDirectories(temp.resolve(variant.name().replaceAll("[^A-Za-z0-9]+", "-")));
            Path copy = Files.write(folder.resolve(original.getFileName().toString()), written);
            compare(expected, Outcome.of(copy), variant.name()).ifPresent(differences::add);
            Files.delete(copy);
        }
        if (!differences.isEmpty()) {
            throw new AssertionError(original.getFileName() + " (originally " + expected.describe()
                    + ") reads differently once re-encoded:\n" + String.join("\n", differences));
        }
    }

    /** The first difference between two readings, told in a line; empty when they are the same. */
    private static Optional<String> compare(Outcome expected, Outcome actual, String variant) {
        if (expected.refusal() != null || actual.refusal() != null) {
            return expected.refusal() != null && expected.refusal().equals(actual.refusal()) ? Optional.empty()
                    : Optional.of(variant + ": " + actual.describe() + " instead of " + expected.describe());
        }
        if (expected.steps().size() != actual.steps().size()) {
            return Optional.of(variant + ": " + actual.steps().size() + " step(s) instead of " + expected.steps().size());
        }
        for (int s = 0; s < expected.steps().size(); s++) {
            ImportedSession.Step want = expected.steps().get(s);
            ImportedSession.Step got = actual.steps().get(s);
            if (!want.facts().equals(got.facts())) {
                return Optional.of(variant + ", step " + (s + 1) + ": " + got.facts() + " instead of " + want.facts());
            }
            if (want.samples().size() != got.samples().size()) {
                return Optional.of(variant + ", step " + (s + 1) + ": " + got.samples().size() + " samples instead of "
                        + want.samples().size());
            }
            for (int i = 0; i < want.samples().size(); i++) {
                Sample a = want.samples().get(i);
                Sample b = got.samples().get(i);
                if (!a.equals(b)) { // record equality: NaN equals NaN, 0.0 differs from -0.0
                    return Optional.of(variant + ", step " + (s + 1) + ", sample " + (i + 1) + ": " + b + " instead of " + a);
                }
            }
        }
        return Optional.empty();
    }

    /** The fixture's text as its writer meant it: a BOM decides, else UTF-8 if the bytes are valid UTF-8, else 1252. */
    private static String decode(byte[] bytes, Path file) {
        if (startsWith(bytes, UTF16LE_BOM)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, UTF8_BOM)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            String text = new String(bytes, WINDOWS_1252);
            if (text.indexOf('\uFFFD') >= 0) {
                throw new AssertionError(file + " is neither UTF-8, UTF-16 with a BOM nor Windows-1252: is it binary?"
                        + " Then add its extension to BINARY_EXTENSIONS with the reason");
            }
            return text;
        }
    }

    private static byte[] encode(String text, Variant encoding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 2 + 3);
        out.writeBytes(encoding.bom());
        out.writeBytes(text.getBytes(encoding.charset()));
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
