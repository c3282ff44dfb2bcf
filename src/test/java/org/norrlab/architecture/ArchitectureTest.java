package org.norrlab.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The architecture of docs/architecture.md, checked on the compiled main classes (test classes, and so
 * the meta-test's planted violations, are not imported).
 */
class ArchitectureTest {
    static final String ROOT = "org.norrlab";
    private static JavaClasses code;

    @BeforeAll
    static void importCode() {
        code = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @TestFactory
    Stream<DynamicTest> rules() {
        return new ArchitectureRules(ROOT).all().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(code)));
    }

    @Test
    void theImportSawTheCode() {
        assertThat(code.stream().map(c -> c.getPackageName()).filter(p -> p.startsWith(ROOT + ".store")))
                .as("classes of org.norrlab.store were imported").isNotEmpty();
        assertThat(code.stream().map(c -> c.getPackageName()).filter(p -> p.startsWith(ROOT + ".archfixture")))
                .as("the meta-test's planted violations are not part of the code checked").isEmpty();
    }

    @Test
    void noLayerReachesUp() {
        assertThat(Layering.upwardEdges(Layering.PACKAGES)).as("edges to a higher tier or an unplaced package").isEmpty();
    }

    @Test
    void noInlineFullyQualifiedProjectNames() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                for (String hit : InlineNames.find(Files.readString(file))) {
                    found.add(file + " " + hit);
                }
            }
        }
        assertThat(found).as("inline fully-qualified names of project classes (use an import)").isEmpty();
    }

    @Test
    void docsArchitectureListsTheSameTable() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("docs/architecture.md"))) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String pkg = cells[1].strip().replace("`", "");
            String tier = cells[2].strip();
            Set<String> uses = new TreeSet<>();
            for (String u : cells[4].replace("`", "").split(",")) {
                if (!u.isBlank() && !u.strip().equals("—")) {
                    uses.add(u.strip());
                }
            }
            documented.put(pkg, tier + " " + uses);
        }
        Map<String, String> tested = new LinkedHashMap<>();
        Layering.PACKAGES.values().forEach(p -> tested.put(p.pkg(), p.tier() + " " + p.uses()));
        assertThat(documented).as("the table in docs/architecture.md").containsExactlyEntriesOf(tested);
    }
}
