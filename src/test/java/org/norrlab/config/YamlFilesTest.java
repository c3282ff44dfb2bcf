package org.norrlab.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlFilesTest {
    private static final Path FILE = Path.of("example.yaml");

    @Test
    void everyValueKnowsItsLineAndColumn() throws ConfigException {
        YamlNode.Mapping root = YamlFiles.parse(FILE, "name: x\nsteps:\n  - ca:\n      duration: 1 h\n").asMapping();
        YamlNode duration = root.require("steps").asSeq().items().get(0).asMapping().require("ca").asMapping()
                .require("duration");
        assertThat(duration.location()).isEqualTo(new Location(FILE, 4, 17));
        assertThat(duration.path()).isEqualTo("steps[1].ca.duration");
        assertThat(duration.asScalar().text()).isEqualTo("1 h");
    }

    @Test
    void invalidYamlNamesTheLine() {
        assertThatThrownBy(() -> YamlFiles.parse(FILE, "name: x\nsteps: [a, b\nother: 1\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("example.yaml:")
                .hasMessageContaining("is not valid YAML");
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertThatThrownBy(() -> YamlFiles.parse(FILE, "ph: 7\nph: 8\n"))
                .hasMessage("example.yaml:2:1: field 'ph': is given twice in the same block");
    }

    @Test
    void unknownFieldsListWhatIsAllowed() throws ConfigException {
        YamlNode.Mapping root = YamlFiles.parse(FILE, "nmae: x\n").asMapping();
        assertThatThrownBy(() -> root.allowOnly("name", "steps"))
                .hasMessage("example.yaml:1:7: field 'nmae': is not a known field here; allowed: name, steps");
    }

    @Test
    void emptyFileIsReported() {
        assertThatThrownBy(() -> YamlFiles.parse(FILE, "")).hasMessageContaining("the file is empty");
    }

    @Test
    void anIndentingTabIsNamedAtItsOwnLine() {
        // the YAML scanner itself reports line 2 column 7, after the tab; the tab is on line 3, column 1
        assertThatThrownBy(() -> YamlFiles.parse(FILE, "steps:\n  - ca:\n\t  potential: -0.5 V vs RHE\n      duration: 1 min\n"))
                .hasMessage("example.yaml:3:1: line 3 column 1: a tab is used for indentation;"
                        + " YAML allows spaces only (indent with spaces)");
        assertThatThrownBy(() -> YamlFiles.parse(FILE, "cell:\n  \tph: 7\n"))
                .hasMessageContaining("example.yaml:2:3: line 2 column 3: a tab is used for indentation");
    }

    @Test
    void aTabBetweenWordsIsNamedTooButNotInsideQuotes() throws ConfigException {
        assertThatThrownBy(() -> YamlFiles.parse(FILE, "name: x\nph:\t7\n"))
                .hasMessage("example.yaml:2:4: line 2 column 4: a tab separates the words here; YAML allows spaces only");
        assertThat(YamlFiles.parse(FILE, "name: \"a\tb\"\n").asMapping().requireText("name")).isEqualTo("a\tb");
    }

    @Test
    void aliasesOfBlocksAreResolvedAndMergedAsYamlDoes() throws ConfigException {
        YamlNode.Seq steps = YamlFiles.parse(FILE, "steps:\n"
                + "  - ca: &first {potential: -0.5 V vs RHE, duration: 1 min, interval: 1 s}\n"
                + "  - ca: *first\n"
                + "  - ca: {<<: *first, potential: -0.6 V vs RHE}\n").asMapping().require("steps").asSeq();
        YamlNode.Mapping second = steps.items().get(1).asMapping().require("ca").asMapping();
        assertThat(second.requireText("potential")).isEqualTo("-0.5 V vs RHE");
        assertThat(second.require("duration").path()).isEqualTo("steps[2].ca.duration");
        YamlNode.Mapping third = steps.items().get(2).asMapping().require("ca").asMapping();
        assertThat(third.keys()).containsExactly("potential", "duration", "interval");
        assertThat(third.requireText("potential")).isEqualTo("-0.6 V vs RHE");
        assertThat(third.requireText("interval")).isEqualTo("1 s");
    }

    @Test
    void anAliasIsNeverReadAsItsAnchorsName() {
        assertThatThrownBy(() -> YamlFiles.parse(FILE, "a: &t 1 min\nb: *t\n"))
                .hasMessage("example.yaml:2:4: field 'b': the alias '*t' cannot be read: norrlab reuses only blocks and"
                        + " lists anchored above it with '&t'; write the value itself");
        assertThatThrownBy(() -> YamlFiles.parse(FILE, "b: *nowhere\n")).hasMessageContaining("the alias '*nowhere'");
    }

    @Test
    void filesInEveryEncodingAnEditorSavesAreRead(@TempDir Path dir) throws Exception {
        String text = "name: Mesure à −0.5 V\nsteps: []\n";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("utf8.yaml", text.getBytes(StandardCharsets.UTF_8));
        files.put("utf8-bom.yaml", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8)));
        files.put("utf16le-bom.yaml", concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)));
        files.put("utf16be-bom.yaml", text.getBytes(StandardCharsets.UTF_16));   // Java writes a big-endian BOM
        files.put("utf16le.yaml", text.getBytes(StandardCharsets.UTF_16LE));
        files.put("utf16be.yaml", text.getBytes(StandardCharsets.UTF_16BE));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = Files.write(dir.resolve(file.getKey()), file.getValue());
            assertThat(YamlFiles.read(path).asMapping().requireText("name")).as(file.getKey()).isEqualTo("Mesure à −0.5 V");
        }
        // Latin-1 has no U+2212: 'à' is byte 0xE0, which is not valid UTF-8, so the file is read as Windows-1252
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), new byte[]{'n', 'a', 'm', 'e', ':', ' ', 'M', (byte) 0xE0, '\n'});
        assertThat(YamlFiles.read(latin1).asMapping().requireText("name")).isEqualTo("Mà");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
