package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table a start registers its one subcommand from (Subcommands) against the commands themselves: a summary
 * that drifted from its command's description, or a command left out, would change --help without any error.
 */
class SubcommandsTest {
    @Test
    void eachEntryIsItsCommandsNameAndFirstDescriptionLine() {
        for (Subcommands.Entry entry : Subcommands.ALL) {
            Command command = Subcommands.create(entry.name()).getClass().getAnnotation(Command.class);
            assertThat(command.name()).isEqualTo(entry.name());
            assertThat(command.description()[0]).as(entry.name()).isEqualTo(entry.summary());
            assertThat(command.aliases()).as("a stand-in has no aliases: " + entry.name()).isEmpty();
            assertThat(command.header()).as("--help would list the header: " + entry.name()).isEmpty();
            assertThat(command.hidden()).isFalse();
        }
    }

    @Test
    void everyCommandClassOfThePackageIsInTheTable() throws Exception {
        // The top-level commands of this package: classes annotated @Command that are neither norrlab itself, nor
        // nested, nor a subcommand of another command (assay history).
        List<Class<?>> grandchildren = new ArrayList<>();
        for (Subcommands.Entry entry : Subcommands.ALL) {
            grandchildren.addAll(List.of(Subcommands.create(entry.name()).getClass().getAnnotation(Command.class)
                    .subcommands()));
        }
        Path folder = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/norrlab/cli");
        List<String> commands = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Class<?> type = Class.forName("org.norrlab.cli." + name.substring(0, name.length() - 6));
                    if (type.isAnnotationPresent(Command.class) && type != NorrlabCommand.class
                            && !grandchildren.contains(type)) {
                        commands.add(type.getAnnotation(Command.class).name());
                    }
                }
            }
        }
        List<String> names = Subcommands.ALL.stream().map(Subcommands.Entry::name).toList();
        assertThat(names).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(commands)
                .contains("run", "plan", "sessions", "show", "analyze", "report", "import", "export", "bench", "replay");
    }

    @Test
    void helpFromTheSummariesIsTheHelpWithEveryCommandRegistered() {
        for (List<String> args : List.of(List.<String>of(), List.of("--help"), List.of("-h"), List.of("--version"),
                List.of("-V"))) {
            String[] array = args.toArray(String[]::new);
            assertThat(printed(Main.commandLine(array), array)).as(args.toString())
                    .isEqualTo(printed(Main.commandLine(), array)).isNotBlank();
        }
        assertThat(printed(Main.commandLine(new String[] {"--help"}), "--help"))
                .contains("  sessions  Lists the sessions in the database.\n");
    }

    @Test
    void aNamedCommandIsTheOnlyOneRegisteredAndGetsTheParentsSettings() {
        CommandLine cli = Main.commandLine(new String[] {"sessions", "--db", "x.db"});
        assertThat(cli.getSubcommands().keySet()).containsExactly("sessions");
        CommandLine sessions = cli.getSubcommands().get("sessions");
        assertThat((Object) sessions.getCommand()).isInstanceOf(SessionsCommand.class);
        assertThat((Object) sessions.getExecutionExceptionHandler()).isInstanceOf(ErrorReport.class);
        assertThat(sessions.isCaseInsensitiveEnumValuesAllowed()).isTrue();
        assertThat(printed(cli, "sessions", "--help")).isEqualTo(printed(Main.commandLine(), "sessions", "--help"));
    }

    @Test
    void anythingElseRegistersEveryCommandSoPicocliAnswersAsBefore() {
        for (String[] args : List.of(new String[] {"@args.txt"}, new String[] {"sesions"}, new String[] {"-V", "plan"})) {
            CommandLine cli = Main.commandLine(args);
            assertThat(cli.getSubcommands()).hasSize(24);
            assertThat((Object) cli.getSubcommands().get("plan").getCommand()).isInstanceOf(PlanCommand.class);
        }
        // A misspelt command: the same error and suggestion as with every command registered.
        assertThat(printed(Main.commandLine(new String[] {"sesions"}), "sesions"))
                .isEqualTo(printed(Main.commandLine(), "sesions")).contains("sessions");
    }

    private static String printed(CommandLine cli, String... args) {
        StringWriter text = new StringWriter();
        PrintWriter writer = new PrintWriter(text, true);
        cli.setOut(writer);
        cli.setErr(writer);
        int code = cli.execute(args);
        return "exit " + code + "\n" + text;
    }
}
