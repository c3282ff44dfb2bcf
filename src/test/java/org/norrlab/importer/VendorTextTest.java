package org.norrlab.importer;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Numbers in vendor files: a value that is not finite is refused with its place, never imported. */
class VendorTextTest {
    private static final Path FILE = Path.of("run.csv");

    @Test
    void decimalPointsAndCommasAreNumbers() throws Exception {
        assertThat(VendorText.parse(" -1,5 ", FILE, 3, "I/mA")).isEqualTo(-1.5);
        assertThat(VendorText.parse("2.5e-3", FILE, 3, "I/mA")).isEqualTo(2.5e-3);
    }

    @Test
    void infinityAndNanAreRefusedWithTheirPlace() {
        assertThatThrownBy(() -> VendorText.parse("-Infinity", FILE, 7, "I/mA")).isInstanceOf(ImportException.class)
                .hasMessage("run.csv:7: column 'I/mA': '-Infinity' is not a finite number; a measured value must be one");
        assertThatThrownBy(() -> VendorText.parse("NaN", FILE, 8, "Ewe/V")).isInstanceOf(ImportException.class)
                .hasMessageContaining("run.csv:8: column 'Ewe/V': 'NaN' is not a finite number");
    }
}
