package org.norrlab.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;
import org.norrlab.config.YamlFiles;
import org.norrlab.testing.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The protocol editor's writer: every shipped protocol read into a draft, written and loaded again gives the same plan
 * (compared as plans, not as text: the lines differ, the steps may not); every field it writes has its own comment;
 * and the loader's message for a draft lands at the field it names.
 */
class ProtocolWriterTest {
    @TempDir
    Path temp;

    @Test
    void everyShippedProtocolWrittenByTheEditorLoadsToTheSamePlan() throws IOException, ConfigException {
        SiteConfig site = SiteConfig.load(Fixtures.HOME);
        List<Path> protocols;
        try (Stream<Path> files = Files.list(Fixtures.HOME.resolve("protocols"))) {
            protocols = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(protocols).as("the shipped protocols").hasSizeGreaterThanOrEqualTo(6);
        for (Path original : protocols) {
            Plan before = ProtocolLoader.load(original, site);
            ProtocolDraft draft = ProtocolDraft.read(original, YamlFiles.readText(original));
            String text = ProtocolWriter.write(draft).text();
            Path rewritten = temp.resolve(original.getFileName());
            Files.writeString(rewritten, text);
            Plan after = ProtocolLoader.load(rewritten, site);
            assertThat(summary(after, rewritten)).as(original.getFileName() + " written by the editor")
                    .isEqualTo(summary(before, original));
            assertThat(ProtocolWriter.isEditorWritten(text)).isTrue();
            assertThat(ProtocolWriter.isEditorWritten(Files.readString(original))).as("a hand-written file").isFalse();
            // a second round changes nothing: the editor reads its own file into the same draft
            assertThat(ProtocolDraft.read(rewritten, text)).isEqualTo(draft);
        }
    }

    /** Everything the plan says, with the places in the file (which differ by design) left out. */
    private static List<String> summary(Plan plan, Path file) {
        String where = java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+";
        Stream<String> head = Stream.of(plan.name(), plan.description(), plan.cell().toString(), plan.safety().toString(),
                plan.onInterruption().toString(), String.valueOf(plan.unattended()), plan.electrolyte().toString(),
                plan.warnings().toString(), plan.notes().toString());
        Stream<String> steps = plan.steps().stream().map(Object::toString);
        return Stream.concat(head, steps).map(s -> s.replaceAll(where, "@")).toList();
    }

    @Test
    void everyWrittenFieldHasItsOwnCommentAboveIt() {
        ProtocolDraft draft = new ProtocolDraft(Map.of("name", "Three steps", "cell.ph", "7.0"), List.of(
                StepDraft.fresh("ocp"), StepDraft.fresh("ca").with("potential", "-0.5 V vs RHE"), StepDraft.fresh("eis")));
        String text = ProtocolWriter.write(draft).text();
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).startsWith(ProtocolWriter.MARK);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            boolean field = line.matches("[a-z_0-9]+: .+");
            if (field) {
                assertThat(lines.get(i - 1).strip()).as("the line above " + line).startsWith("# ");
            }
        }
        assertThat(text).contains("""
                      # Potential: the potential the electrode is held at; a potential in V or mV, vs RHE (the scale\
                 experiments are designed in) or vs RE (the reference electrode).
                      potential: -0.5 V vs RHE
                """);
    }

    @Test
    void aThreeStepDraftLoadsAsThoseSteps() throws Exception {
        SiteConfig site = SiteConfig.load(Fixtures.HOME);
        ProtocolDraft draft = new ProtocolDraft(Map.of("name", "Three steps: OCP, CA, EIS", "description", "a # in it"),
                List.of(StepDraft.fresh("ocp").with("duration", "30 s"),
                        StepDraft.fresh("ca").with("potential", "-0.5 V vs RHE").with("duration", "1 min"),
                        StepDraft.fresh("eis")));
        DraftCheck.Result result = DraftCheck.check(draft, temp.resolve("three.yaml"), site);
        assertThat(result.problem()).isEmpty();
        Plan plan = result.plan().orElseThrow();
        assertThat(plan.name()).isEqualTo("Three steps: OCP, CA, EIS");
        assertThat(plan.description()).isEqualTo("a # in it");
        assertThat(plan.steps()).extracting(PlannedStep::kind).containsExactly("ocp", "ca", "eis");
        PlannedStep.Chronoamperometry ca = plan.steps().get(1).asChronoamperometry().orElseThrow();
        assertThat(ca.voltsVsRhe()).isCloseTo(-0.5, within(1e-12));
        assertThat(ca.duration().toSeconds()).isEqualTo(60);
    }

    @Test
    void theLoadersMessageIsPlacedAtTheFieldItNames() throws Exception {
        SiteConfig site = SiteConfig.load(Fixtures.HOME);
        StepDraft repeat = StepDraft.fresh("repeat").withInner(List.of(StepDraft.fresh("ca").with("duration", "ten min")));
        ProtocolDraft draft = new ProtocolDraft(Map.of("name", "x"), List.of(StepDraft.fresh("ocp"), repeat));
        Path file = temp.resolve("x.yaml");
        DraftCheck.Result result = DraftCheck.check(draft, file, site);
        DraftCheck.Problem problem = result.problem().orElseThrow();
        assertThat(problem.field()).isEqualTo(new ProtocolWriter.FieldRef(List.of(2, 1), "duration"));
        // the message is the loader's own, for the file as it would be saved
        Files.writeString(file, result.written().text());
        ConfigException loader = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> ProtocolLoader.load(file, site), ConfigException.class);
        assertThat(problem.message()).isEqualTo(loader.getMessage()).contains("steps[2].repeat.steps[1].ca.duration");

        ProtocolDraft noPh = new ProtocolDraft(Map.of("cell.ph", "seven"), List.of(StepDraft.fresh("ocp")));
        assertThat(DraftCheck.check(noPh, file, site).problem().orElseThrow().field())
                .isEqualTo(new ProtocolWriter.FieldRef(List.of(), "cell.ph"));
        ProtocolDraft series = new ProtocolDraft(Map.of(), List.of(StepDraft.fresh("ca_series")
                .with("potentials", "-0.4 V vs RHE, -0.5 V")));
        DraftCheck.Problem listProblem = DraftCheck.check(series, file, site).problem().orElseThrow();
        assertThat(listProblem.field()).isEqualTo(new ProtocolWriter.FieldRef(List.of(1), "potentials"));
        assertThat(listProblem.message()).contains("potentials[2]");
    }

    @Test
    void aHandWrittenFileWithAnOldNameAndAnUnknownKindOpensAndIsJudgedByTheLoader() throws Exception {
        SiteConfig site = SiteConfig.load(Fixtures.HOME);
        Path file = temp.resolve("hand.yaml");
        ProtocolDraft draft = ProtocolDraft.read(file, """
                name: hand # a comment the editor does not keep
                steps:
                  - sweep: {potentials: [-0.4 V vs RHE], duration: 1 min, interval: 1 s}
                  - soak: {duration: 1 min}
                """);
        assertThat(draft.steps()).extracting(StepDraft::kind).containsExactly("ca_series", "soak");
        DraftCheck.Problem problem = DraftCheck.check(draft, file, site).problem().orElseThrow();
        assertThat(problem.field()).isEqualTo(new ProtocolWriter.FieldRef(List.of(2), ""));
        assertThat(problem.message()).contains("field 'steps[2].soak': is not a step kind; allowed: ocp, ca, ca_series");
        // without the unknown step the old name reads as what the loader makes of it: one CA step at -0.4 V vs RHE
        Plan plan = DraftCheck.check(draft.withSteps(draft.steps().subList(0, 1)), file, site).plan().orElseThrow();
        assertThat(plan.steps()).extracting(PlannedStep::kind).containsExactly("ca");
        assertThat(plan.notes()).isEmpty();
    }
}
