package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's archive training runs a real simulated run; with the operator's alerts block it told every configured
 * channel that a session finished. Its home keeps the site file without that block, and nothing else changes.
 */
class ArchiveTrainingHomeTest {
    @TempDir
    Path temp;

    @Test
    void theAlertsBlockGoesAndEveryOtherLineStays() {
        String site = "# site\ndata_directory: data\nalerts:\n  bench: b2\n  # a comment in the block\n\n"
                + "  webhooks:\n    - {url: 'https://ntfy.sh/x'}\nreconnect_for: 5 min\n# tail\nalerts_note: kept\n";
        assertThat(ArchiveTraining.withoutTopLevelBlock(site, "alerts"))
                .isEqualTo("# site\ndata_directory: data\nreconnect_for: 5 min\n# tail\nalerts_note: kept\n");
        assertThat(ArchiveTraining.withoutTopLevelBlock("alerts: {bench: b}\ncell: {ph: 7}", "alerts"))
                .isEqualTo("cell: {ph: 7}");
    }

    @Test
    void theShippedSiteWithAnAlertsBlockAddedIsTheShippedSiteAgain() throws Exception {
        String shipped = Files.readString(Fixtures.HOME.resolve("config/site.yaml"));
        String withAlerts = shipped + "\nalerts:\n  bench: bench 2\n  webhooks:\n    - url: https://ntfy.sh/my-topic\n";
        String training = ArchiveTraining.withoutTopLevelBlock(withAlerts, "alerts");
        assertThat(training.strip()).isEqualTo(shipped.strip());
        Path config = Files.createDirectories(temp.resolve("config"));
        Files.writeString(config.resolve("site.yaml"), training);
        assertThat(SiteConfig.load(temp).alerts()).isEmpty();
    }
}
