package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.store.SessionStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** What `norrlab serve` refuses before it listens: each a paragraph and exit code 3, and nothing served. */
class ServeCliTest {
    @TempDir
    Path home;

    private Path site(String yaml) throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/site.yaml"), "data_directory: data\n" + yaml);
        Path db = home.resolve("data/norrlab.db");
        Files.createDirectories(db.getParent());
        SessionStore.open(db).close();
        return db;
    }

    @Test
    void everyInterfaceWithoutTlsIsRefusedAndSaysWhatToDo() throws Exception {
        site("");
        CliRunner.Result result = CliRunner.norrlab("serve", "--home", home.toString(), "--bind", "0.0.0.0",
                "--port", "0");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("refusing to serve the status page on 0.0.0.0 without TLS")
                .contains("serve.tls").contains("--insecure");
        assertThat(result.out()).doesNotContain("token=");
    }

    @Test
    void aTokenFileOthersMayReadIsRefused() throws Exception {
        site("serve:\n  token_file: data/open-token\n");
        Path token = Files.writeString(home.resolve("data/open-token"), "A".repeat(43) + "\n");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
        CliRunner.Result result = CliRunner.norrlab("serve", "--home", home.toString(), "--port", "0");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("may be read or changed by other users (mode rw-r--r--)")
                .contains("chmod 600").doesNotContain("A".repeat(43));
    }

    @Test
    void aMistakeInTheServeBlockIsReportedByEveryCommand() throws Exception {
        site("serve:\n  port: eighty\n");
        CliRunner.Result result = CliRunner.norrlab("sessions", "--home", home.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("site.yaml:3:").contains("serve.port")
                .contains("'eighty' is not a whole number; expected a TCP port");
    }
}
