package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.NorrlabProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a short command loads, read from the JVM's own class-loading log of a real process started as bin/norrlab
 * starts it (the main classes and the dependencies, no test classes): issue 23 brought --version from 2,900 classes
 * (every subcommand, Jackson for site.yaml, Logback with its XML configuration and rolling file) to what printing a
 * line needs. Timings are not asserted (this machine is shared); the classes are what a regression would bring back.
 */
class StartupClassesTest {
    /**
     * What no command that neither reads a file nor logs may load. (java.sql's Connection, Driver and Time do load:
     * picocli looks them up for its built-in converters; the drivers are org.sqlite and org.postgresql.)
     */
    private static final List<String> NOT_FOR_VERSION = List.of("com.fasterxml.jackson.", "org.yaml.snakeyaml.",
            "org.jfree.", "org.sqlite.", "org.postgresql.", "ch.qos.logback.classic.LoggerContext",
            "ch.qos.logback.core.FileAppender", "ch.qos.logback.core.rolling.", "ch.qos.logback.core.joran.",
            "org.norrlab.store.", "org.norrlab.config.", "org.norrlab.cli.RunCommand", "org.norrlab.cli.SessionsCommand",
            "org.norrlab.cli.BenchCommand", "org.norrlab.cli.HomeOptions", "org.eclipse.jetty.", "org.norrlab.status.");

    @TempDir
    Path temp;

    @Test
    void versionLoadsNeitherSubcommandsNorParsersNorDriversNorLogging() throws Exception {
        List<String> classes = loaded("--version");
        assertThat(classes).contains("org.norrlab.cli.Main", "picocli.CommandLine", "org.norrlab.cli.NorrlabCommand");
        assertThat(classes).filteredOn(name -> NOT_FOR_VERSION.stream().anyMatch(name::startsWith)).isEmpty();
        // Nothing was logged, so no log file (and no data directory for it) was made.
        assertThat(temp.resolve("data")).doesNotExist();
    }

    @Test
    void helpListsTheCommandsWithoutLoadingThem() throws Exception {
        List<String> classes = loaded("--help");
        assertThat(classes).filteredOn(name -> NOT_FOR_VERSION.stream().anyMatch(name::startsWith)).isEmpty();
        assertThat(classes).filteredOn(name -> name.startsWith("org.norrlab.") && name.endsWith("Command")
                && !name.equals("org.norrlab.cli.NorrlabCommand")).isEmpty();
    }

    @Test
    void planReadsItsProtocolButNeitherDatabaseDriversNorChartsNorTheLogFile() throws Exception {
        List<String> classes = loaded("plan", "protocols/demo-sweep.yaml");
        assertThat(classes).contains("org.norrlab.cli.PlanCommand", "com.fasterxml.jackson.dataformat.yaml.YAMLFactory");
        assertThat(classes).filteredOn(name -> Stream.of("org.jfree.", "org.sqlite.", "org.postgresql.",
                "ch.qos.logback.classic.LoggerContext", "ch.qos.logback.core.FileAppender", "ch.qos.logback.core.rolling.",
                "org.norrlab.cli.SessionsCommand", "org.norrlab.cli.ReportCommand").anyMatch(name::startsWith)).isEmpty();
    }

    @Test
    void sessionsLoadsOnlyItsOwnCommand() throws Exception {
        List<String> classes = loaded("sessions", "--db", temp.resolve("none.db").toString());
        assertThat(classes).contains("org.norrlab.cli.SessionsCommand")
                .doesNotContain("org.norrlab.cli.RunCommand", "org.norrlab.cli.ReportCommand", "org.norrlab.cli.BenchCommand",
                        "org.norrlab.cli.GuiCommand", "org.norrlab.cli.ImportCommand");
        assertThat(classes).filteredOn(name -> name.startsWith("org.jfree.")).isEmpty();
        // the status page's web server loads in serve only (issue 24)
        assertThat(classes).filteredOn(name -> name.startsWith("org.eclipse.jetty.") || name.startsWith("org.norrlab.status."))
                .isEmpty();
    }

    @Test
    void sessionsThatFindNothingWrongNeitherConfigureLoggingNorMapJsonToRecords() throws Exception {
        Path db = temp.resolve("listed.db");
        org.norrlab.store.SessionStore.open(db).close();
        List<String> classes = loaded("sessions", "--db", db.toString());
        assertThat(classes).contains("org.norrlab.cli.SessionsCommand", "org.sqlite.JDBC");
        // sqlite-jdbc asks "is TRACE on?" before every statement: answered from config/logback.xml's plain INFO levels
        assertThat(classes).filteredOn(name -> name.startsWith("ch.qos.logback.classic.joran.")
                || name.startsWith("ch.qos.logback.core.joran.GenericXMLConfigurator") || name.startsWith("ch.qos.logback.core.rolling.") || name.startsWith("com.fasterxml.jackson.databind.")
                || name.startsWith("org.postgresql.")).isEmpty();
        assertThat(temp.resolve("data/norrlab.log")).doesNotExist();
    }

    @Test
    void aConfigurationThatMayEnableTraceIsReadBeforeTheFirstQuestionIsAnswered() throws Exception {
        Path db = temp.resolve("traced.db");
        org.norrlab.store.SessionStore.open(db).close();
        Path config = Files.writeString(temp.resolve("trace.xml"), """
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>${norrlab.data}/trace.log</file>
                    <encoder><pattern>%level %logger %msg%n</pattern></encoder>
                  </appender>
                  <logger name="org.sqlite" level="TRACE"/>
                  <root level="INFO"><appender-ref ref="FILE"/></root>
                </configuration>
                """);
        NorrlabProcess.Console console = NorrlabProcess.run(NorrlabProcess.launcherCommand(List.of(
                "-Dlogback.configurationFile=" + config, "-Dnorrlab.data=" + temp.resolve("data")), "sessions", "--db",
                db.toString()), Map.of(), temp, Duration.ofMinutes(2));
        assertThat(console.exitCode()).as(console.out() + console.err()).isZero();
        // sqlite-jdbc's own TRACE lines: its first question configured Logback instead of being answered "no"
        assertThat(Files.readString(temp.resolve("data/trace.log"))).contains("TRACE org.sqlite.");
    }

    /** The classes a process of {@code norrlab ARGS} loaded, in order, by name. */
    /**
     * Commands that open a store bind SLF4J, load sqlite-jdbc and the JSON mapping, and (import) configure logging on
     * threads of their own while the command line is built (StartAside): a logger used on one of them while SLF4J
     * binds would be replayed afterwards with a warning on stderr. Each command, three times: a race would show.
     */
    /**
     * An import into an existing store that goes well logs nothing, so Logback reads no configuration and makes no log
     * file (configuring it anyway cost the import 0.12 s of CPU); an import that makes a new store logs that line, in
     * the log file.
     */
    @Test
    void anImportThatGoesWellIntoAnExistingStoreConfiguresNoLogging() throws Exception {
        Path csv = temp.resolve("rows.csv");
        Files.writeString(csv, "time (s),current (A),potential (V)\n0.0,-1.0E-3,-0.5\n0.01,-1.1E-3,-0.5\n");
        Path existing = temp.resolve("existing.db");
        org.norrlab.store.SessionStore.open(existing).close();
        List<String> classes = loaded("import", csv.toString(), "--db", existing.toString());
        assertThat(classes).contains("org.norrlab.cli.ImportCommand", "org.sqlite.JDBC");
        assertThat(classes).filteredOn(name -> name.startsWith("ch.qos.logback.classic.joran.")
                || name.startsWith("ch.qos.logback.core.rolling.")).isEmpty();
        assertThat(temp.resolve("data/norrlab.log")).doesNotExist();
        try (org.norrlab.store.SessionStore store = org.norrlab.store.SessionStore.open(existing)) {
            assertThat(store.sampleCount(1)).isEqualTo(2);
        }

        Path made = temp.resolve("made.db");
        loaded("import", csv.toString(), "--db", made.toString());
        assertThat(Files.readString(temp.resolve("data/norrlab.log")))
                .contains("session database " + made + " brought from schema 0 to");
    }

    @Test
    void commandsThatStartAsideSayNothingAboutLogging() throws Exception {
        Path csv = temp.resolve("rows.csv");
        Files.writeString(csv, "time (s),current (A),potential (V)\n0.0,-1.0E-3,-0.5\n0.01,-1.1E-3,-0.5\n");
        Path db = temp.resolve("aside.db");
        List<String> data = List.of("-Dnorrlab.data=" + temp.resolve("data"));
        for (int round = 0; round < 3; round++) {
            for (String[] args : List.of(new String[]{"import", csv.toString(), "--db", db.toString()},
                    new String[]{"sessions", "--db", db.toString()}, new String[]{"show", "1", "--db", db.toString()},
                    new String[]{"export", "1", "--db", db.toString(), "-o", temp.resolve("out.csv").toString(), "--force"})) {
                NorrlabProcess.Console console = NorrlabProcess.run(NorrlabProcess.launcherCommand(data, args), Map.of(),
                        temp, Duration.ofMinutes(2));
                assertThat(console.exitCode()).as(args[0] + ": " + console.err()).isZero();
                assertThat(console.err()).as(args[0]).doesNotContain("SLF4J");
            }
        }
        assertThat(loaded("export", "1", "--db", db.toString(), "-o", temp.resolve("out.csv").toString(), "--force"))
                .contains("org.norrlab.cli.StartAside", "org.norrlab.store.LoadAhead");
    }

    private List<String> loaded(String... args) throws Exception {
        Path log = temp.resolve("classes.txt");
        NorrlabProcess.Console console = NorrlabProcess.run(NorrlabProcess.launcherCommand(List.of(
                "-Xlog:class+load=info:file=" + log, "-Dnorrlab.data=" + temp.resolve("data")), args), Map.of(), temp,
                Duration.ofMinutes(2));
        assertThat(console.exitCode()).as(console.out() + console.err()).isIn(0, ExitCodes.STORE);
        // "[0.012s][info][class,load] java.lang.Object source: shared objects file"
        try (Stream<String> lines = Files.lines(log)) {
            List<String> classes = lines.map(line -> line.split(" ")).filter(fields -> fields.length > 1)
                    .map(fields -> fields[1]).toList();
            assertThat(classes).as("the JVM's class-load log of " + Fixtures.HOME).hasSizeGreaterThan(300);
            return classes;
        }
    }
}
