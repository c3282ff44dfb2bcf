package org.norrlab.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class QuantitiesTest {
    private static YamlNode scalar(String text) {
        return new YamlNode.Scalar(text, new Location(Path.of("p.yaml"), 3, 7), "steps[1].ca.x");
    }

    @ParameterizedTest
    @CsvSource({"1 h, 3600", "30 min, 1800", "100 ms, 0.1", "0.5 s, 0.5", "2hr, 7200", "1e2 s, 100"})
    void durations(String written, double seconds) throws ConfigException {
        assertThat(Quantities.duration(scalar(written))).isEqualTo(Duration.ofNanos(Math.round(seconds * 1e9)));
    }

    @Test
    void potentialsKeepTheirScaleAndAcceptTheTypographicMinus() throws ConfigException {
        assertThat(Quantities.potential(scalar("\u22120.5 V vs RHE"))).isEqualTo(new Potential(-0.5, Potential.Scale.RHE));
        assertThat(Quantities.potential(scalar("-1100 mV vs RE")).volts()).isCloseTo(-1.1, within(1e-12));
        assertThat(Quantities.potential(scalar("-1.1 V vs. ref")).scale()).isEqualTo(Potential.Scale.RE);
    }

    @Test
    void aPotentialWithoutScaleIsRefused() {
        assertThatThrownBy(() -> Quantities.potential(scalar("-0.5 V")))
                .hasMessage("p.yaml:3:7: field 'steps[1].ca.x': '-0.5 V' does not say what the potential is against;"
                        + " write e.g. '-0.5 V vs RHE' or '-1.1 V vs RE'");
        assertThatThrownBy(() -> Quantities.potential(scalar("-0.5 V vs SHE")))
                .hasMessageContaining("'vs SHE' is not a scale we know; allowed: vs RHE, vs RE");
    }

    @Test
    void missingAndWrongUnitsSayWhatIsAllowed() {
        assertThatThrownBy(() -> Quantities.duration(scalar("30")))
                .hasMessageContaining("'30' has no unit; a time needs one of: s, sec, ms, min, h, hr");
        assertThatThrownBy(() -> Quantities.parse(scalar("35 mg"), Dimension.VOLUME))
                .hasMessageContaining("'mg' is not a unit for a volume; allowed: mL");
        assertThatThrownBy(() -> Quantities.duration(scalar("soon")))
                .hasMessageContaining("'soon' is not a time; write a number and a unit, e.g. '30 min'");
        assertThatThrownBy(() -> Quantities.duration(scalar("0 s")))
                .hasMessageContaining("must be longer than zero");
    }

    @Test
    void unitsConvertToTheBaseUnit() throws ConfigException {
        assertThat(Quantities.parse(scalar("250 uL"), Dimension.VOLUME)).isCloseTo(0.25, within(1e-12));
        assertThat(Quantities.parse(scalar("100 mm2"), Dimension.AREA)).isCloseTo(1.0, within(1e-12));
        assertThat(Quantities.parse(scalar("94 umol/h/cm2"), Dimension.NH3_AREAL_RATE))
                .isCloseTo(2.6111e-8, within(1e-12));
        assertThat(Quantities.parse(scalar("85 %"), Dimension.PERCENT)).isCloseTo(0.85, within(1e-12));
    }

    @Test
    void textPastedWithNoBreakSpacesAndTypographicMinusReadsAsTyped() throws ConfigException {
        // U+00A0 before the unit (a word processor's "-0.5 V"), U+2212 for the minus, U+202F narrow no-break space
        assertThat(Quantities.potential(scalar("-0.5\u00A0V vs RHE"))).isEqualTo(new Potential(-0.5, Potential.Scale.RHE));
        assertThat(Quantities.potential(scalar("\u22120.5\u00A0V\u00A0vs\u00A0RHE"))).isEqualTo(new Potential(-0.5, Potential.Scale.RHE));
        assertThat(Quantities.duration(scalar("30\u202Fmin"))).isEqualTo(Duration.ofMinutes(30));
        assertThat(Quantities.parse(scalar("35\u00A0mL"), Dimension.VOLUME)).isCloseTo(35, within(1e-12));   // millilitres are the base unit of a volume
        assertThat(scalar("\u22121.5").asScalar().number("a number")).isEqualTo(-1.5);
    }

    @Test
    void aDurationBeyondWhatAStepCanHoldIsRefusedNotClamped() throws ConfigException {
        // Long.MAX_VALUE ns = 9223372036.854775807 s = 2562047.79 h: the largest java.time step duration in nanoseconds
        assertThatThrownBy(() -> Quantities.duration(scalar("1e9 h")))
                .hasMessage("p.yaml:3:7: field 'steps[1].ca.x': '1e9 h' is longer than a step can hold;"
                        + " at most 2562047 h (about 292 years)");
        assertThatThrownBy(() -> Quantities.duration(scalar("1e-12 s")))
                .hasMessageContaining("'1e-12 s' is shorter than the shortest time norrlab can hold, 1 ns");
        assertThat(Quantities.duration(scalar("2562047 h"))).isEqualTo(Duration.ofHours(2_562_047));
        assertThat(Quantities.duration(scalar("0.1 ms"))).isEqualTo(Duration.ofNanos(100_000));
    }

    @Test
    void anEmptyValueSaysWhatBelongsAfterTheColon() {
        YamlNode empty = new YamlNode.Scalar(null, new Location(Path.of("p.yaml"), 3, 17), "steps[1].ca.potential");
        assertThatThrownBy(() -> Quantities.potential(empty))
                .hasMessage("p.yaml:3:17: field 'steps[1].ca.potential': is empty; write a potential and its scale"
                        + " after the colon, e.g. '-0.5 V vs RHE'");
        assertThatThrownBy(() -> Quantities.duration(empty))
                .hasMessageEndingWith("is empty; write a time after the colon, e.g. '30 min'");
        assertThatThrownBy(empty::asScalar)
                .hasMessage("p.yaml:3:17: field 'steps[1].ca.potential': is empty; write a single value after the colon");
    }
}
