package org.norrlab.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

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
}
