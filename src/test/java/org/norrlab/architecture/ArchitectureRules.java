package org.norrlab.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of {@link Layering} as ArchUnit rules below a root package: {@code org.norrlab} for the
 * code, a fixture package for the meta-test that plants one violation of each.
 */
final class ArchitectureRules {
    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    ArchRule noCycles() {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .allowEmptyShould(true)
                .as("no package cycles between the packages of " + root);
    }

    /** Every class sits in a package the table places (a new package is a decision too). */
    ArchRule everyPackagePlaced() {
        String[] placed = Layering.PACKAGES.keySet().stream().map(this::pattern).toArray(String[]::new);
        return classes().that().resideInAPackage(root + "..").should().resideInAnyPackage(placed)
                .allowEmptyShould(true)
                .as("every package of " + root + " is placed in the layering (docs/architecture.md)");
    }

    /** One rule per package: it uses only itself and the packages the table lists for it. */
    List<ArchRule> edges() {
        List<ArchRule> rules = new ArrayList<>();
        for (Layering.Placement p : Layering.PACKAGES.values()) {
            rules.add(edges(p));
        }
        return rules;
    }

    ArchRule edges(Layering.Placement p) {
        List<String> allowed = new ArrayList<>();
        allowed.add(pattern(p.pkg()));
        p.uses().forEach(u -> allowed.add(pattern(u)));
        DescribedPredicate<JavaClass> forbidden = resideInAPackage(root + "..")
                .and(DescribedPredicate.not(resideInAnyPackage(allowed.toArray(String[]::new))))
                .as("a project class outside " + describe(p));
        return noClasses().that().resideInAPackage(pattern(p.pkg()))
                .should().dependOnClassesThat(forbidden)
                .allowEmptyShould(true)
                .as(p.pkg() + " uses only " + describe(p));
    }

    ArchRule serialPortsOnlyInTransport() {
        return library("jSerialComm", "com.fazecast.jSerialComm..", "transport");
    }

    ArchRule jdbcOnlyInStore() {
        return library("JDBC", "java.sql..", "store", "javax.sql..");
    }

    /** Issue 24: the web server of norrlab serve stays behind the status page's guards, in one package. */
    ArchRule webServerOnlyInStatus() {
        return library("Jetty", "org.eclipse.jetty..", "status");
    }

    ArchRule windowsAndChartsOnlyInGuiAndFigures() {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(pattern("gui"), pattern("figures"))
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..", "org.jfree..")
                .allowEmptyShould(true)
                .as("Swing, AWT and JFreeChart only in gui and figures");
    }

    /** The mail and MQTT libraries are the alert channels' business: they load lazily, with a configured channel. */
    ArchRule mailAndMqttOnlyInAlert() {
        return library("Jakarta Mail and Paho", "jakarta.mail..", "alert", "org.eclipse.angus..",
                "org.eclipse.paho..");
    }

    List<ArchRule> all() {
        List<ArchRule> rules = new ArrayList<>(List.of(noCycles(), everyPackagePlaced(), serialPortsOnlyInTransport(),
                jdbcOnlyInStore(), windowsAndChartsOnlyInGuiAndFigures(), webServerOnlyInStatus()));
        rules.addAll(edges());
        rules.add(mailAndMqttOnlyInAlert());
        return rules;
    }

    private ArchRule library(String name, String libraryPackage, String home, String... more) {
        List<String> packages = new ArrayList<>(List.of(libraryPackage));
        packages.addAll(List.of(more));
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(pattern(home))
                .should().dependOnClassesThat().resideInAnyPackage(packages.toArray(String[]::new))
                .allowEmptyShould(true)
                .as(name + " only in " + home);
    }

    private String describe(Layering.Placement p) {
        return p.uses().isEmpty() ? "itself" : p.uses().stream().collect(Collectors.joining(", "));
    }

    private String pattern(String pkg) {
        String javaPackage = Layering.javaPackage(root, pkg);
        return pkg.equals(Layering.TOP) ? javaPackage : javaPackage + "..";
    }
}
