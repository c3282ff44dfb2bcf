package org.norrlab.cli;

/** Lets tests in other packages run the command line in-process. */
public final class CliRunnerAccess {
    public record Result(int exitCode, String out, String err) {
    }

    private CliRunnerAccess() {
    }

    public static Result norrlab(String... args) {
        CliRunner.Result r = CliRunner.norrlab(args);
        return new Result(r.exitCode(), r.out(), r.err());
    }
}
