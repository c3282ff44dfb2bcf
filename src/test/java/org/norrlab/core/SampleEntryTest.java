package org.norrlab.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleEntryTest {
    @Test
    void notesSurviveTheOneLineFormEvenWhereTheyHoldABackslashBeforeAnN() {
        // a literal backslash followed by n must not come back as a line break: written \\n, read back as \n (2 chars)
        SampleEntry entry = new SampleEntry("s", "o", "C:\\new folder\nsecond line\\");
        assertThat(entry.notesOnOneLine()).isEqualTo("C:\\\\new folder\\nsecond line\\\\").doesNotContain("\n");
        assertThat(SampleEntry.notesFromOneLine(entry.notesOnOneLine())).isEqualTo(entry.notes());
    }

    @Test
    void aNameOfTwoLinesIsRefusedAndTextIsStripped() {
        assertThatThrownBy(() -> new SampleEntry("Fe1\nbatch 3", "", "")).isInstanceOf(BadInputException.class)
                .hasMessage("the sample name must be one line; put further lines in the notes");
        assertThat(new SampleEntry("  NiNC ", " A. Chemist\t", "\r\nnote\r\n")).isEqualTo(new SampleEntry("NiNC", "A. Chemist", "note"));
        assertThat(SampleEntry.NONE.isEmpty()).isTrue();
    }
}
