package org.norrlab.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real instrument files the tests read from {@code ../shared/fixtures}, a folder kept beside the
 * project's clone rather than in it (the vendor files are not ours to redistribute). A user's lone
 * clone has no such folder: then the tests that need it are skipped with a message saying what is
 * missing, unless NORRLAB_FIXTURE_TESTS=required (set by .ci/run), where its absence is a failure
 * rather than a silent skip. A folder that is present but lacks a file a test names is always a
 * failure: that is a renamed or lost fixture, not a missing checkout.
 */
public final class SharedFixtures {
    static final String REQUIRED_VARIABLE = "NORRLAB_FIXTURE_TESTS";

    private SharedFixtures() {
    }

    /** The folder of real vendor files (one sub-folder per format), or the test is skipped. */
    public static Path vendor() {
        return present(Fixtures.HOME.resolveSibling("shared").resolve("fixtures").resolve("vendor"),
                "required".equals(System.getenv(REQUIRED_VARIABLE)));
    }

    /** A file under {@link #vendor()}, e.g. {@code vendorFile("biologic-mpt/yadg_ca.mpt")}. */
    public static Path vendorFile(String relative) {
        Path file = vendor().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("the shared fixtures are present but " + file + " is not: was it renamed or removed?");
        }
        return file;
    }

    /** A session store written by an earlier norrlab, under {@code ../shared/fixtures/stores}: never write to it. */
    public static Path storeFile(String name) {
        Path file = present(Fixtures.HOME.resolveSibling("shared").resolve("fixtures").resolve("stores"),
                "required".equals(System.getenv(REQUIRED_VARIABLE))).resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("the shared fixtures are present but " + file + " is not: was it renamed or removed?");
        }
        return file;
    }

    static Path present(Path folder, boolean required) {
        if (Files.isDirectory(folder)) {
            return folder;
        }
        String missing = folder.normalize() + " does not exist: these tests read real instrument files from the"
                + " shared fixtures folder kept beside the project's clone (../shared/fixtures/vendor), not in it";
        if (required) {
            throw new AssertionError(REQUIRED_VARIABLE + "=required but " + missing);
        }
        Assumptions.abort(missing + "; skipped (" + REQUIRED_VARIABLE + "=required makes this a failure)");
        return folder;
    }
}
