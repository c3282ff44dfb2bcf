package org.norrlab.logging;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a Logback configuration file can be seen, without configuring Logback, to enable nothing below INFO:
 * then a library's "is TRACE on?" before the configuration is read may be answered no (DeferredLogSetup). The test
 * is deliberately narrow: comments aside, every level the file names is written out as INFO, WARN, ERROR or OFF,
 * the root logger's among them, and the file neither includes another, substitutes a variable into a level, adds a
 * turbo filter, nor mentions DEBUG, TRACE or ALL anywhere. Anything else (a level from a variable, say) is "not
 * sure", and Logback is configured before the question is answered.
 */
final class QuietConfiguration {
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern LEVEL_ATTRIBUTE = Pattern.compile("\\blevel\\s*=\\s*([\"'])(.*?)\\1");
    private static final Pattern LEVEL_ELEMENT = Pattern.compile("<level>(.*?)</level>", Pattern.DOTALL);
    private static final Pattern ROOT_AT_INFO_OR_ABOVE =
            Pattern.compile("<root\\s+level\\s*=\\s*([\"'])\\s*(info|warn|error|off)\\s*\\1", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOISY = Pattern.compile("\\b(debug|trace|all)\\b|<include|<turboFilter|<level\\s",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> QUIET_LEVELS = Set.of("INFO", "WARN", "ERROR", "OFF");

    private QuietConfiguration() {
    }

    static boolean enablesNothingBelowInfo(String xml) {
        String text = COMMENT.matcher(xml).replaceAll(" ");
        if (NOISY.matcher(text).find() || !ROOT_AT_INFO_OR_ABOVE.matcher(text).find()) {
            return false;
        }
        Matcher attribute = LEVEL_ATTRIBUTE.matcher(text);
        while (attribute.find()) {
            if (!QUIET_LEVELS.contains(attribute.group(2).trim().toUpperCase(Locale.ROOT))) {
                return false;
            }
        }
        Matcher element = LEVEL_ELEMENT.matcher(text);
        while (element.find()) {
            if (!QUIET_LEVELS.contains(element.group(1).trim().toUpperCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
