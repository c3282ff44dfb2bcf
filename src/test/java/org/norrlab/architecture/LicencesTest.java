package org.norrlab.architecture;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dependency of pom.xml is listed in the README's licence tables with its version, in the table its scope
 * belongs to: bundled in the jar (compile, runtime), build time (provided) or tests only (test, and the imported
 * BOM). A library added to the pom without a look at its licence fails here.
 */
class LicencesTest {
    private static final String RUNTIME = "Bundled in the jar";
    private static final String BUILD = "At build time only";
    private static final String TESTS = "For the tests only";

    record Dependency(String coordinates, String version, String scope) {
    }

    @Test
    void everyDependencyOfThePomIsInTheReadmesLicenceTables() throws Exception {
        List<Dependency> dependencies = dependencies(Files.readString(Path.of("pom.xml")));
        // the pom as it is: 15 bundled, 1 at build time, 5 for the tests (counted when this test was written)
        assertThat(dependencies).hasSizeGreaterThanOrEqualTo(21);
        assertThat(unlisted(dependencies, Files.readString(Path.of("README.md")))).isEmpty();
        assertThat(Path.of("LICENSE")).content().startsWith("                    GNU GENERAL PUBLIC LICENSE\n"
                + "                       Version 3, 29 June 2007");
    }

    @Test
    void aDependencyMissingFromItsTableIsNamedWithItsVersion() throws Exception {
        String pom = """
                <project><properties><x.version>1.2</x.version></properties><dependencies>
                  <dependency><groupId>org.jfree</groupId><artifactId>jfreechart</artifactId><version>1.5.5</version></dependency>
                  <dependency><groupId>org.example</groupId><artifactId>new-lib</artifactId><version>${x.version}</version></dependency>
                  <dependency><groupId>org.assertj</groupId><artifactId>assertj-core</artifactId><version>3.26.3</version>
                    <scope>test</scope></dependency>
                  <dependency><groupId>org.jfree</groupId><artifactId>jfreechart</artifactId><version>1.5.5</version>
                    <scope>test</scope></dependency>
                </dependencies></project>""";
        List<String> unlisted = unlisted(dependencies(pom), Files.readString(Path.of("README.md")));
        // new-lib is in no table; jfreechart is listed as bundled, not as test-only; the other two are listed
        assertThat(unlisted).containsExactly("org.example:new-lib 1.2 (compile)", "org.jfree:jfreechart 1.5.5 (test)");
    }

    /** The dependencies (and the imported BOMs) of a pom, their versions' ${properties} resolved. */
    static List<Dependency> dependencies(String pomXml) throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(pomXml.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> properties = new HashMap<>();
        NodeList props = pom.getElementsByTagName("properties");
        if (props.getLength() > 0) {
            for (Node n = props.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    properties.put(e.getTagName(), e.getTextContent().trim());
                }
            }
        }
        List<Dependency> out = new ArrayList<>();
        NodeList nodes = pom.getElementsByTagName("dependency");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element d = (Element) nodes.item(i);
            String version = resolve(child(d, "version"), properties);
            String scope = child(d, "scope");
            out.add(new Dependency(child(d, "groupId") + ":" + child(d, "artifactId"), version,
                    scope.isEmpty() ? "compile" : scope));
        }
        return out;
    }

    /** "group:artifact version (scope)" of every dependency not on a line of its table with its version. */
    static List<String> unlisted(List<Dependency> dependencies, String readme) {
        String licence = readme.substring(readme.indexOf("## Licence"));
        String runtime = licence.substring(licence.indexOf(RUNTIME), licence.indexOf(BUILD));
        String build = licence.substring(licence.indexOf(BUILD), licence.indexOf(TESTS));
        String tests = licence.substring(licence.indexOf(TESTS));
        List<String> missing = new ArrayList<>();
        for (Dependency d : dependencies) {
            String part = switch (d.scope()) {
                case "test", "import" -> tests;
                case "provided" -> build;
                default -> runtime;
            };
            boolean listed = part.lines().anyMatch(line -> line.contains("`" + d.coordinates() + "`")
                    && line.contains(d.version()));
            if (!listed) {
                missing.add(d.coordinates() + " " + d.version() + " (" + d.scope() + ")");
            }
        }
        return missing;
    }

    private static String child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        return "";
    }

    private static String resolve(String value, Map<String, String> properties) {
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(properties.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
