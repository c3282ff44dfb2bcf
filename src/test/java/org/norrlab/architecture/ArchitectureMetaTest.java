package org.norrlab.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each architecture rule catches a violation planted for it in org.norrlab.archfixture (test classes,
 * which the real rules never import): a rule that cannot fail would pass on any code.
 */
class ArchitectureMetaTest {
    private static final String FIXTURES = "org.norrlab.archfixture";

    private static JavaClasses fixtures(String set) {
        return new ClassFileImporter().importPackages(FIXTURES + "." + set);
    }

    private static ArchitectureRules rules(String set) {
        return new ArchitectureRules(FIXTURES + "." + set);
    }

    /** The rule fails on the fixture set, naming the planted class. */
    private static void catches(ArchRule rule, JavaClasses classes, String plantedClass) {
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.hasViolation()).as(rule.getDescription() + " catches " + plantedClass).isTrue();
        assertThat(result.getFailureReport().getDetails()).as(rule.getDescription())
                .anyMatch(line -> line.contains(plantedClass));
    }

    @Test
    void aPackageCycleIsCaught() {
        catches(rules("cycle").noCycles(), fixtures("cycle"), "archfixture.cycle.a.A");
    }

    @Test
    void aLayerReachingUpIsCaughtByThatPackagesEdgeRule() {
        JavaClasses classes = fixtures("layer");
        ArchitectureRules rules = rules("layer");
        catches(rules.edges(Layering.PACKAGES.get("config")), classes, "ReadsStore");
        assertThat(rules.edges(Layering.PACKAGES.get("store")).evaluate(classes).hasViolation())
                .as("store's own rule has nothing to say about config's edge").isFalse();
    }

    @Test
    void anUnplacedPackageIsCaught() {
        catches(rules("unplaced").everyPackagePlaced(), fixtures("unplaced"), "Stray");
    }

    @Test
    void librariesOutsideTheirPackagesAreCaughtAndInsideAreNot() {
        JavaClasses classes = fixtures("libs");
        ArchitectureRules rules = rules("libs");
        catches(rules.serialPortsOnlyInTransport(), classes, "OpensPort");
        catches(rules.jdbcOnlyInStore(), classes, "RunsSql");
        catches(rules.windowsAndChartsOnlyInGuiAndFigures(), classes, "ShowsWindow");
        for (ArchRule rule : List.of(rules.serialPortsOnlyInTransport(), rules.jdbcOnlyInStore(),
                rules.windowsAndChartsOnlyInGuiAndFigures())) {
            assertThat(rule.evaluate(classes).getFailureReport().getDetails()).as(rule.getDescription())
                    .noneMatch(line -> line.contains("libs.transport.Port") || line.contains("libs.store.Sql"));
        }
    }

    @Test
    void anEdgeToAHigherTierInTheTableIsCaught() {
        var table = Layering.table(Layering.place("config", 1, "store"), Layering.place("store", 4, "config"));
        assertThat(Layering.upwardEdges(table)).containsExactly("config (tier 1) -> store (tier 4)");
    }

    @Test
    void anInlineFullyQualifiedProjectNameIsCaughtAndImportsCommentsAndStringsAreNot() {
        String source = String.join("\n",
                "package org.norrlab.report;",
                "",
                "import org.norrlab.store.SessionStore;",
                "",
                "/** Uses {@link org.norrlab.store.StoredSession}. */",
                "class Planted {",
                "    // org.norrlab.store.StoreLocation in a comment",
                "    String text = \"org.norrlab.store.StoreLocation in a string\";",
                "    org.norrlab.store.StoreException planted;",
                "}");
        assertThat(InlineNames.find(source)).containsExactly("line 9: org.norrlab.store.StoreException");
    }
}
