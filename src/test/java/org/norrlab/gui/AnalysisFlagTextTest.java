package org.norrlab.gui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.analysis.Product;
import org.norrlab.report.SessionAnalysis;
import org.norrlab.store.SessionStore;
import org.norrlab.testing.HandSessions;
import org.norrlab.testing.HandSessions.Step;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's analysis table marks the same values as the terminal and says why under the table (no display needed). */
class AnalysisFlagTextTest {
    @TempDir
    Path temp;

    @Test
    void theStatusLineCarriesTheNoteBehindEachStar() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("g.db"))) {
            // step 1: 2.2 µmol NH3 over 1 C → 106.1 %; step 2: a plausible 1.0 µmol with every product assayed
            long id = HandSessions.session(store, "hand", List.of(Step.of(-0.4, -0.010, Map.of(Product.NH3, 2.2)),
                    Step.of(-0.5, -0.010, Map.of(Product.NH3, 1.0, Product.H2, 1.0, Product.N2O, 0.1, Product.N2, 0.1,
                            Product.NH2OH, 0.1))));
            var steps = SessionAnalysis.analyze(store, id, SessionAnalysis.Options.DEFAULT).steps();
            assertThat(AnalysisPanel.resultRow(steps.get(0))[5]).isEqualTo("106.13 ± 0.48 *");
            assertThat(AnalysisPanel.flagText(steps)).startsWith(" Flagged: step 1: * FE NH3 = 106.1 %: FE above 100 %")
                    .doesNotContain("step 2");
            assertThat(AnalysisPanel.flagText(steps.subList(1, 2))).isEmpty();
        }
    }
}
