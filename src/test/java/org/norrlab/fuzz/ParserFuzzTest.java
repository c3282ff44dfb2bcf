package org.norrlab.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.importer.ImportException;
import org.norrlab.importer.ImportService;
import org.norrlab.importer.Importer;
import org.norrlab.plan.ProtocolLoader;
import org.norrlab.protocol.LineAssembler;
import org.norrlab.protocol.methodscript.MalformedReplyException;
import org.norrlab.protocol.methodscript.Reply;
import org.norrlab.protocol.rodeostat.RodeostatException;
import org.norrlab.protocol.rodeostat.RodeostatMessages;
import org.norrlab.testing.Fixtures;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every parser of outside input, fed arbitrary bytes: it may refuse with its own checked
 * exception (which carries the message for the operator), never with anything else. In a normal
 * build these run on their stored inputs (regression mode); {@code JAZZER_FUZZ=1 mvn test
 * -Dtest=ParserFuzzTest} fuzzes each for real and stores what it finds.
 */
class ParserFuzzTest {
    private static final SiteConfig SITE = site();

    private static SiteConfig site() {
        try {
            return SiteConfig.load(Fixtures.HOME);
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "2m")
    void methodScriptReplies(byte[] data) {
        LineAssembler assembler = new LineAssembler(4096);
        for (String line : assembler.feed(data)) {
            try {
                Reply.parse(line);
            } catch (MalformedReplyException expected) {
                // a refused line is fine
            }
        }
    }

    @FuzzTest(maxDuration = "2m")
    void rodeostatLines(byte[] data) {
        for (String line : new LineAssembler(4096).feed(data)) {
            try {
                if (RodeostatMessages.isReply(line)) {
                    RodeostatMessages.reply(line, "getVersion");
                } else {
                    RodeostatMessages.sample(line);
                }
            } catch (RodeostatException expected) {
                // a refused line is fine
            }
        }
    }

    @FuzzTest(maxDuration = "2m")
    void protocolFiles(byte[] data) {
        try {
            ProtocolLoader.parse(Path.of("fuzz.yaml"), new String(data, StandardCharsets.UTF_8), SITE);
        } catch (ConfigException expected) {
            // a refused protocol is fine
        }
    }

    @FuzzTest(maxDuration = "2m")
    void instrumentProfiles(byte[] data) {
        try {
            InstrumentProfile.parse(Path.of("drivers/fuzz.yaml"), new String(data, StandardCharsets.UTF_8));
        } catch (ConfigException expected) {
            // a refused profile is fine
        }
    }

    @FuzzTest(maxDuration = "2m")
    void siteConfigs(byte[] data) throws Exception {
        Path home = Files.createTempDirectory("fuzz-home");
        Path file = home.resolve(SiteConfig.FILE);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, data);
            SiteConfig.load(home);
        } catch (ConfigException expected) {
            // a refused site file is fine
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
            Files.deleteIfExists(home);
        }
    }

    @FuzzTest(maxDuration = "2m")
    void vendorFiles(byte[] data) throws Exception {
        Path file = Files.createTempFile("fuzz", ".txt");
        try {
            Files.write(file, data);
            for (Importer importer : ImportService.IMPORTERS) {
                try {
                    importer.read(file);
                } catch (ImportException expected) {
                    // a refused file is fine
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
