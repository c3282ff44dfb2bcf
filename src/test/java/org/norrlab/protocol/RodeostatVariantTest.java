package org.norrlab.protocol;

import org.junit.jupiter.api.Test;
import org.norrlab.protocol.rodeostat.RodeostatVariant;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RodeostatVariantTest {
    @Test
    void variantsAreReadAsTheFirmwareWritesThem() {
        assertThat(RodeostatVariant.parse("10V_24MilliAmpV0.2").orElseThrow().current()).isEqualTo("24MilliAmp");
        assertThat(RodeostatVariant.parse("10V_microAmp").orElseThrow().current()).isEqualTo("microAmp");
        assertThat(RodeostatVariant.parse("8V_nanoAmpV0.1").orElseThrow().rangesAmperes()).contains(60e-9, 10e-6);
        assertThat(RodeostatVariant.parse("10V_kiloAmpV0.2")).isEmpty();
        assertThat(RodeostatVariant.parse("Z!0003")).isEmpty();
    }

    @Test
    void aProfileMayUseFewerRangesThanItsVariantHasButNoOther() {
        RodeostatVariant micro = RodeostatVariant.parse("10V_microAmpV0.2").orElseThrow();
        assertThat(micro.missing(List.of(1e-6, 1e-3))).isEmpty();
        assertThat(micro.missing(List.of(100e-6, 24e-3))).containsExactly(24e-3);
        assertThat(RodeostatVariant.variantsHolding(List.of(100e-6, 1e-3))).containsExactly("10MilliAmp", "24MilliAmp", "microAmp");
        assertThat(RodeostatVariant.currentVariantFor(List.of(100e-6, 1e-3, 12e-3, 24e-3))).contains("24MilliAmp");
    }

    @Test
    void electrodeSwitchesCameWithHardwareV02() {
        assertThat(RodeostatVariant.hasElectrodeSwitches("V0.1")).isFalse();
        assertThat(RodeostatVariant.hasElectrodeSwitches("V0.2")).isTrue();
        assertThat(RodeostatVariant.hasElectrodeSwitches("V1.0")).isTrue();
        assertThat(RodeostatVariant.hasElectrodeSwitches("?")).isFalse();
    }
}
