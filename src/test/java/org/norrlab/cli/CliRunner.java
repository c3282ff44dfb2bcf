package org.norrlab.cli;

import org.norrlab.testing.Fixtures;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in-process and captures what it prints. */
final class CliRunner {
    record Result(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    static Result norrlab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The command line with the test site (config of the fixtures' home) and the given database. */
    static Result norrlabOn(Path db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", Fixtures.HOME.toString(), "--db", db.toString()));
        return norrlab(all.toArray(String[]::new));
    }
}
