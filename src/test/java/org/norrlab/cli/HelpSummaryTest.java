package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * picocli lists each command in its parent's --help by the first line of its description only, so that line
 * must be a whole sentence: a line that ends mid-phrase ("…: try the serial") leaves the operator with half
 * a thought (issue 18).
 */
class HelpSummaryTest {
    @Test
    void everyCommandsSummaryIsAWholeSentence() {
        List<String> cutOff = new ArrayList<>();
        collect(Main.commandLine(), cutOff);
        assertThat(cutOff).isEmpty();
    }

    @Test
    void theCommandListShowsWholeSentences() {
        CliRunner.Result help = CliRunner.norrlab("--help");
        assertThat(help.out()).contains("import    Turns files from other software (potentiostat exports, CSV) into")
                .contains("sessions.\n")
                .doesNotContain("PNG and SVG,\n").doesNotContain("steps:\n").doesNotContain("try the serial\n")
                .doesNotContain("bytes go\n").doesNotContain("linked to it:\n");
    }

    private static void collect(CommandLine command, List<String> cutOff) {
        String[] description = command.getCommandSpec().usageMessage().description();
        String summary = description.length == 0 ? "" : description[0].strip();
        if (!summary.endsWith(".")) {
            cutOff.add(command.getCommandSpec().qualifiedName() + ": '" + summary + "'");
        }
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, cutOff));
    }
}
