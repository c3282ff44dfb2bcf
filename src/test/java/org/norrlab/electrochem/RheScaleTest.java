package org.norrlab.electrochem;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Against the hand-worked conversions of norr-science-notes §3.2 (E_RE = E_RHE − E° − 0.05916·pH). */
class RheScaleTest {

    @ParameterizedTest(name = "{0} V vs RHE at pH {1} is {3} V vs {2}")
    @CsvSource({
            "-0.3, 1.0, Ag/AgCl (sat. KCl), -0.556",
            "-0.5, 1.0, Ag/AgCl (3 M KCl), -0.769",
            "-0.7, 1.0, SCE, -1.000",
            "-0.3, 7.0, Ag/AgCl (sat. KCl), -0.911",
            "-0.6, 7.0, Ag/AgCl (sat. KCl), -1.211",
            "-0.5, 7.0, SCE (sat. KCl), -1.155",
            "-0.7, 7.0, Hg/HgO (1 M KOH), -1.212",
            "-0.5, 13.0, Ag/AgCl (3 M KCl), -1.479",
            "-0.5, 13.0, Hg/HgO (1 M KOH), -1.367",
    })
    void convertsRheToTheReferenceElectrodeAsByHand(double vsRhe, double pH, String electrode, double expectedVsRe) {
        RheScale scale = new RheScale(ReferenceElectrode.known(electrode).orElseThrow(), pH, 25.0);
        assertThat(scale.toReference(vsRhe)).isCloseTo(expectedVsRe, within(0.0006));
        assertThat(scale.toRhe(scale.toReference(vsRhe))).isCloseTo(vsRhe, within(1e-12));
    }

    @Test
    void nernstSlopeFollowsTemperature() {
        ReferenceElectrode agcl = ReferenceElectrode.known("Ag/AgCl (sat. KCl)").orElseThrow();
        // 1.9842e-4 V/K × T: 0.05916 V at 25 °C, 0.05718 at 15 °C, 0.06114 at 35 °C (§3.1).
        assertThat(new RheScale(agcl, 7, 25).nernstSlopeVolts()).isCloseTo(0.05916, within(0.00001));
        assertThat(new RheScale(agcl, 7, 15).nernstSlopeVolts()).isCloseTo(0.05718, within(0.00001));
        assertThat(new RheScale(agcl, 7, 35).nernstSlopeVolts()).isCloseTo(0.06114, within(0.00001));
    }

    @Test
    void theRheItselfHasNoPhTerm() {
        RheScale scale = new RheScale(ReferenceElectrode.known("RHE").orElseThrow(), 7, 25);
        assertThat(scale.toReference(-0.5)).isEqualTo(-0.5);
    }

    @Test
    void unknownElectrodesAreNotGuessed() {
        assertThat(ReferenceElectrode.known("Ag/AgCl (0.1 M KCl)")).isEmpty();
        assertThat(ReferenceElectrode.known("calomel")).isEmpty();
        // Without its filling the potential is not known: sat. KCl (0.197 V) and 3 M KCl (0.210 V) differ by 13 mV,
        // and Hg/HgO moves with its KOH concentration. Once read as sat. KCl and 1 M KOH without a word.
        assertThat(ReferenceElectrode.known("Ag/AgCl")).isEmpty();
        assertThat(ReferenceElectrode.known("ag/agcl")).isEmpty();
        assertThat(ReferenceElectrode.known("Hg/HgO")).isEmpty();
        assertThat(ReferenceElectrode.known("Ag/AgCl saturated")).map(ReferenceElectrode::name).hasValue("Ag/AgCl (sat. KCl)");
    }
}
