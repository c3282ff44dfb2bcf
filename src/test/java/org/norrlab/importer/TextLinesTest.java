package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same lines, whatever encoding and line ends wrote them. */
class TextLinesTest {
    @TempDir
    Path temp;

    private static final List<String> LINES = List.of("Time (s);Current (µA)", "0,5;-1,25", "", "Area 0.001 cm²");

    private List<String> read(byte[] content, String[] encoding, boolean[] ended) throws Exception {
        Path file = temp.resolve("f" + System.nanoTime() + ".txt");
        Files.write(file, content);
        List<String> lines = new ArrayList<>();
        try (TextLines text = TextLines.open(file)) {
            for (String line = text.next(); line != null; line = text.next()) {
                lines.add(line);
                assertThat(text.lineNumber()).isEqualTo(lines.size());
            }
            encoding[0] = text.encoding();
            ended[0] = text.lastLineEnded();
        }
        return lines;
    }

    /** The text's bytes in a charset, after the given BOM bytes: a file as another program would save it. */
    static byte[] encode(String text, Charset charset, byte... bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }

    @Test
    void everyEncodingAndLineEndGivesTheSameLines() throws Exception {
        Charset cp1252 = Charset.forName("windows-1252");
        String[] encoding = new String[1];
        boolean[] ended = new boolean[1];
        for (String end : List.of("\n", "\r\n", "\r\r\n", "\r")) {
            String text = String.join(end, LINES) + end;
            assertThat(read(encode(text, StandardCharsets.UTF_8), encoding, ended)).as(end.replace("\r", "CR")).isEqualTo(
                    end.equals("\r") ? List.of(LINES.get(0), LINES.get(1), LINES.get(3)) : LINES);
            assertThat(encoding[0]).isEqualTo("UTF-8");
            assertThat(ended[0]).isTrue();
            if (end.equals("\r")) {
                continue; // CR alone: a blank line cannot be told from CR CR (see the class comment)
            }
            assertThat(read(encode(text, StandardCharsets.UTF_8, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF), encoding, ended))
                    .isEqualTo(LINES);
            assertThat(encoding[0]).isEqualTo("UTF-8 with BOM");
            assertThat(read(encode(text, StandardCharsets.UTF_16LE, (byte) 0xFF, (byte) 0xFE), encoding, ended)).isEqualTo(LINES);
            assertThat(encoding[0]).isEqualTo("UTF-16LE with BOM");
            assertThat(read(encode(text, StandardCharsets.UTF_16BE, (byte) 0xFE, (byte) 0xFF), encoding, ended)).isEqualTo(LINES);
            assertThat(read(encode(text, cp1252), encoding, ended)).isEqualTo(LINES);
            assertThat(encoding[0]).isEqualTo("Windows-1252");
        }
    }

    @Test
    void aLastLineWithoutItsEndIsToldAndAStrayBomInsideIsKeptOutOfTheFirstLine() throws Exception {
        String[] encoding = new String[1];
        boolean[] ended = new boolean[1];
        assertThat(read("a,b\n1,2".getBytes(StandardCharsets.UTF_8), encoding, ended)).containsExactly("a,b", "1,2");
        assertThat(ended[0]).isFalse();
        assertThat(read("\uFEFFa,b\n".getBytes(StandardCharsets.UTF_16LE), encoding, ended)).isNotEmpty();
        assertThat(read(new byte[0], encoding, ended)).isEmpty();
    }

    /** Some Windows tools save UTF-16 without a BOM: told by the NULs beside the ASCII, not read as bytes with NULs. */
    @Test
    void utf16WithoutABomIsToldByItsNulsAndReadAsText() throws Exception {
        String[] encoding = new String[1];
        boolean[] ended = new boolean[1];
        String text = String.join("\r\n", LINES) + "\r\n";
        assertThat(read(encode(text, StandardCharsets.UTF_16LE), encoding, ended)).isEqualTo(LINES);
        assertThat(encoding[0]).isEqualTo("UTF-16LE without BOM");
        assertThat(read(encode(text, StandardCharsets.UTF_16BE), encoding, ended)).isEqualTo(LINES);
        assertThat(encoding[0]).isEqualTo("UTF-16BE without BOM");
        // what format recognition sees: the first line, and the head as UTF-8 bytes for recognisers of ASCII markers
        byte[] head = encode("EC-Lab ASCII FILE\r\nNb header lines : 3\r\n", StandardCharsets.UTF_16LE);
        assertThat(HeadLine.of(head)).isEqualTo("EC-Lab ASCII FILE");
        assertThat(new String(HeadLine.withoutBom(head), StandardCharsets.UTF_8)).startsWith("EC-Lab ASCII FILE\r\n");
        assertThat(HeadLine.of(encode("I/mA;t/s\n1;2\n", StandardCharsets.UTF_16BE))).isEqualTo("I/mA;t/s");
        // plain 8-bit text and a binary head whose NULs do not alternate are left as they are
        byte[] ascii = "I/mA;t/s\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(HeadLine.withoutBom(ascii)).isSameAs(ascii);
        assertThat(HeadLine.utf16WithoutBom(new byte[] {'B', 'I', 'O', 0, 0, 0, 0x1a, 'x', 0, 0})).isEmpty();
    }

    /** A generic CSV saved as UTF-16LE without a BOM imports with the values of the UTF-8 original. */
    @Test
    void aGenericCsvInUtf16WithoutABomImports() throws Exception {
        Path file = temp.resolve("nobom.csv");
        Files.write(file, encode("t (s);I/mA\r\n0;-1,5\r\n1;-2,5\r\n", StandardCharsets.UTF_16LE));
        ImportedSession session = new DelimitedImporter().read(file);
        assertThat(session.steps().get(0).samples()).hasSize(2);
        assertThat(session.steps().get(0).samples().get(1).currentAmperes()).isEqualTo(-0.0025);
    }
}
