package org.norrlab.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokenTest {
    @TempDir
    Path temp;

    @Test
    void theFirstStartMakesA256BitTokenInAFileOnlyItsOwnerMayRead() throws Exception {
        Path file = temp.resolve("data/serve-token");
        AccessToken made = AccessToken.loadOrCreate(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String text = made.reveal();
        assertThat(text).hasSize(43).matches("[A-Za-z0-9_\\-]+");
        assertThat(Base64.getUrlDecoder().decode(text)).hasSize(32);
        assertThat(Files.readString(file)).isEqualTo(text + "\n");
        // the next start reads the same token; another file gets another one
        assertThat(AccessToken.loadOrCreate(file).reveal()).isEqualTo(text);
        assertThat(AccessToken.loadOrCreate(temp.resolve("other")).reveal()).isNotEqualTo(text);
        assertThat(made.toString()).doesNotContain(text);
    }

    @Test
    void aTokenFileOthersMayReadIsRefusedWithWhatToDo() throws Exception {
        Path file = temp.resolve("serve-token");
        AccessToken.loadOrCreate(file);
        for (String mode : new String[] {"rw-r--r--", "rw-rw----", "rw-----w-"}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            assertThatThrownBy(() -> AccessToken.loadOrCreate(file)).as(mode)
                    .hasMessageContaining("the access token file " + file + " may be read or changed by other users (mode "
                            + mode + ")").hasMessageContaining("chmod 600 " + file);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertThat(AccessToken.loadOrCreate(file).reveal()).hasSize(43);
    }

    @Test
    void aFileWithoutATokenIsRefused() throws Exception {
        Path file = Files.writeString(temp.resolve("short"), "abc\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> AccessToken.loadOrCreate(file)).hasMessageContaining("does not hold a token")
                .hasMessageContaining("delete it");
    }

    @Test
    void onlyTheWholeTokenMatches() {
        AccessToken token = new AccessToken("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG");
        assertThat(token.matches("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")).isTrue();
        assertThat(token.matches("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF")).isFalse();
        assertThat(token.matches("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH")).isFalse();
        assertThat(token.matches("bbcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }
}
