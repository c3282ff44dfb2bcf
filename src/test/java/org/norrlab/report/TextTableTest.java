package org.norrlab.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Numbers line up by their last digit, words by their first; widths count code points (µ, ⁻¹ are one each). */
class TextTableTest {
    @Test
    void rightAlignedNumbersAndLeftAlignedWords() {
        TextTable table = new TextTable("id", "status", "Q (µC)").leftAligned("status")
                .row("1", "completed", "12.5")
                .row("10", "running", "1 250.0");
        assertThat(table.lines(true)).containsExactly(
                "id  status      Q (µC)",
                "--  ---------  -------",
                " 1  completed     12.5",
                "10  running    1 250.0");
    }

    @Test
    void aLeftAlignedLastColumnLeavesNoTrailingBlanks() {
        assertThat(new TextTable("id", "sample").leftAligned("sample").row("1", "Cu").row("2", "NiNC-3").lines(false))
                .containsExactly("id  sample", " 1  Cu", " 2  NiNC-3");
    }

    @Test
    void anUnknownColumnIsRefused() {
        assertThatThrownBy(() -> new TextTable("id").leftAligned("name"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column 'name'");
    }
}
