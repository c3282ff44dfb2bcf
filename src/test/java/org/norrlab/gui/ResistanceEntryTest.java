package org.norrlab.gui;

import org.junit.jupiter.api.Test;
import org.norrlab.core.BadInputException;
import org.norrlab.core.UncompensatedResistance;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The analysis view's R_u fields read into an R_u, and refused with the field named when they are not one. */
class ResistanceEntryTest {
    private static final Instant NOW = Instant.parse("2026-12-03T21:00:00Z");

    @Test
    void aTypedRuKeepsItsValueFractionAndReason() {
        UncompensatedResistance ru = ResistanceEntry.typed(" 12,5 ", "85 %", " ZFit, bench B ", NOW);
        assertThat(ru.ohms()).isEqualTo(12.5);
        assertThat(ru.compensatedFraction()).isCloseTo(0.85, within(1e-15));
        assertThat(ru.method()).isEqualTo(UncompensatedResistance.TYPED);
        assertThat(ru.note()).isEqualTo("ZFit, bench B");
        assertThat(ru.recordedAt()).isEqualTo(NOW);
        // 12.5 Ω × (1 − 0.85) = 1.875 Ω left to correct
        assertThat(ru.remainingOhms()).isCloseTo(1.875, within(1e-12));
        assertThat(ResistanceEntry.fraction("")).isZero();
        assertThat(ResistanceEntry.fraction("0.3")).isEqualTo(0.3);
    }

    @Test
    void fieldsThatAreNotAnRuAreRefusedByName() {
        assertThatThrownBy(() -> ResistanceEntry.typed("abc", "0", "why", NOW)).isInstanceOf(BadInputException.class)
                .hasMessage("the R_u (Ω) field: 'abc' is not a number; it takes a resistance in ohms, e.g. 12.5");
        assertThatThrownBy(() -> ResistanceEntry.typed("-3", "0", "why", NOW)).isInstanceOf(BadInputException.class)
                .hasMessage("the R_u (Ω) field: -3 is not a resistance; R_u is a finite number of ohms, 0 or more");
        assertThatThrownBy(() -> ResistanceEntry.typed("12", "0", "  ", NOW)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("the Reason / source field is empty: say where the typed R_u comes from");
        assertThatThrownBy(() -> ResistanceEntry.typed("12", "120 %", "why", NOW)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("the Compensated during the run field: 120 % is outside 0 to 1");
        assertThatThrownBy(() -> ResistanceEntry.typed("12", "half", "why", NOW)).isInstanceOf(BadInputException.class)
                .hasMessage("the Compensated during the run field: 'half' is not a number; it takes a fraction from 0"
                        + " to 1 (0.85) or a percentage (85 %)");
    }
}
