package org.norrlab.logging;

import org.junit.jupiter.api.Test;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A "no" to a question below INFO before Logback has read its configuration is only given when the file plainly
 * enables nothing below INFO; every way a file could enable more must read as "not sure".
 */
class QuietConfigurationTest {
    private static final String SHIPPED_SHAPE = """
            <configuration>
              <!-- Raise a logger to DEBUG for more, e.g. <logger name="org.norrlab.scheduler" level="DEBUG"/>. -->
              <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
                <filter class="ch.qos.logback.classic.filter.ThresholdFilter"><level>WARN</level></filter>
                <encoder><pattern>%-5level %msg%n</pattern></encoder>
              </appender>
              <logger name="org.norrlab.cli.ErrorReport" level="INFO" additivity="false"/>
              <root level="INFO"><appender-ref ref="CONSOLE"/></root>
            </configuration>
            """;

    @Test
    void theShippedConfigurationIsQuietBelowInfo() throws Exception {
        assertThat(QuietConfiguration.enablesNothingBelowInfo(
                Files.readString(Fixtures.HOME.resolve("config/logback.xml")))).isTrue();
        assertThat(QuietConfiguration.enablesNothingBelowInfo(SHIPPED_SHAPE)).isTrue();
        assertThat(QuietConfiguration.enablesNothingBelowInfo(SHIPPED_SHAPE.replace("<root level=\"INFO\">",
                "<root level='warn'>"))).isTrue();
    }

    @Test
    void everyWayToEnableMoreIsNotSure() {
        for (String changed : new String[] {
                SHIPPED_SHAPE.replace("level=\"INFO\" additivity", "level=\"DEBUG\" additivity"),
                SHIPPED_SHAPE.replace("level=\"INFO\" additivity", "level=\"trace\" additivity"),
                SHIPPED_SHAPE.replace("level=\"INFO\" additivity", "level=\"ALL\" additivity"),
                SHIPPED_SHAPE.replace("level=\"INFO\" additivity", "level=\"${LEVEL}\" additivity"),
                SHIPPED_SHAPE.replace("<root level=\"INFO\">", "<root>"),
                SHIPPED_SHAPE.replace("<root level=\"INFO\">", "<root level=\"${ROOT:-INFO}\">"),
                SHIPPED_SHAPE.replace("<root level=\"INFO\">", "<root><level value=\"INFO\"/>"),
                SHIPPED_SHAPE.replace("</configuration>", "<include file=\"more.xml\"/></configuration>"),
                SHIPPED_SHAPE.replace("</configuration>", "<turboFilter class=\"x.Y\"/></configuration>"),
                SHIPPED_SHAPE.replace("<level>WARN</level>", "<level>DEBUG</level>"),
                SHIPPED_SHAPE.replace("<logger name", "<logger level=\"INFO\"/><logger name=\"a\" level=\"\"/><logger name"),
        }) {
            assertThat(QuietConfiguration.enablesNothingBelowInfo(changed)).as(changed).isFalse();
        }
    }
}
