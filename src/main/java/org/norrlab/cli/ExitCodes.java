package org.norrlab.cli;

/** Exit codes, documented in the README. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int BAD_INPUT = 3;
    static final int INSTRUMENT = 4;
    static final int STORE = 5;
    static final int ABORTED = 130;

    private ExitCodes() {
    }
}
