package org.norrlab.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** export -o never destroys what is already there: the session database, an operator's file, or a half-written export. */
class ExportOutputTest {
    @TempDir
    static Path temp;
    static Path db;

    @BeforeAll
    static void oneSession() {
        db = temp.resolve("norrlab.db");
        assertThat(CliRunner.norrlab("run", "protocols/demo-sweep.yaml", "--speed", "max", "--no-progress", "--home",
                Fixtures.HOME.toString(), "--db", db.toString()).exitCode()).isZero();
    }

    @Test
    void theSessionDatabaseInUseIsRefusedAndItsSessionsStay() throws Exception {
        // through another spelling of the same file: a "./" and ".." in the path do not hide it
        Path sameFile = temp.resolve("sub/../norrlab.db");
        CliRunner.Result refused = CliRunner.norrlab("export", "1", "--format", "jsonl", "-o", sameFile.toString(), "--db",
                db.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("is the session database in use").contains("nothing was written");
        try (SessionStore store = SessionStore.open(StoreLocation.file(db))) {
            assertThat(store.sessions()).hasSize(1);
            assertThat(store.sampleCount(1)).isEqualTo(12_020);   // the demo sweep: 2 OCP + 3 CA steps, as the catalogue
        }
    }

    @Test
    void anExistingFileIsKeptWithoutForceAndReplacedWithIt() throws Exception {
        Path mine = Files.writeString(temp.resolve("precious.yaml"), "keep me\n");
        CliRunner.Result refused = CliRunner.norrlab("export", "1", "-o", mine.toString(), "--db", db.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains(mine + " already exists; nothing was written").contains("--force");
        assertThat(Files.readString(mine)).isEqualTo("keep me\n");

        assertThat(CliRunner.norrlab("export", "1", "-o", mine.toString(), "--force", "--db", db.toString()).exitCode()).isZero();
        assertThat(Files.readString(mine)).startsWith("# norrlab session export (CSV)");
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temporary file left beside the target")
                    .noneMatch(name -> name.endsWith(".part"));
        }
    }

    /**
     * A new export gets the permissions any new file in its folder gets (not owner-only, as a temporary file would),
     * and one replaced with --force keeps the permissions it had.
     */
    @Test
    void anExportHasTheFoldersUsualPermissionsAndAReplacedOneKeepsItsOwn() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "a file system with POSIX permissions");
        Path plain = Files.createFile(temp.resolve("made-plainly.txt"));
        Path export = temp.resolve("shared-with-colleagues.csv");
        assertThat(CliRunner.norrlab("export", "1", "-o", export.toString(), "--db", db.toString()).exitCode()).isZero();
        assertThat(Files.getPosixFilePermissions(export)).isEqualTo(Files.getPosixFilePermissions(plain));

        var groupReadable = java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(export, groupReadable);
        assertThat(CliRunner.norrlab("export", "1", "-o", export.toString(), "--force", "--db", db.toString()).exitCode())
                .isZero();
        assertThat(Files.getPosixFilePermissions(export)).isEqualTo(groupReadable);
    }

    /** -o into a device (or a pipe) writes into it: nothing to refuse, and nothing replaced by a file. */
    @Test
    void anExportIntoDevNullWritesIntoItAndLeavesItADevice() {
        Path devNull = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "a /dev/null");
        CliRunner.Result written = CliRunner.norrlab("export", "1", "-o", devNull.toString(), "--db", db.toString());
        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(written.err()).contains("Wrote session 1 to /dev/null");
        assertThat(Files.isRegularFile(devNull)).isFalse();
    }

    @Test
    void aFailedExportLeavesNoFile() {
        Path target = temp.resolve("missing-session.csv");
        assertThat(CliRunner.norrlab("export", "99", "-o", target.toString(), "--db", db.toString()).exitCode())
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(target).doesNotExist();
    }
}
