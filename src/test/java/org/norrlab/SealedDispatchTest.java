package org.norrlab;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sealed hierarchies are dispatched through their own exhaustive method (a visitor or a match), never by
 * {@code instanceof}: an instanceof chain compiles on when a kind is added and quietly treats the new kind
 * as one of the old. A type test that is not a dispatch over the kinds stays, named here with its reason.
 */
class SealedDispatchTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern SEALED = Pattern.compile("sealed\\s+interface\\s+(\\w+)(?:\\s+permits\\s+([\\w\\s.,]+?))?\\s*\\{");
    private static final Pattern NESTED_RECORD = Pattern.compile("^\\s+record\\s+(\\w+)\\s*\\(", Pattern.MULTILINE);
    private static final Pattern INSTANCEOF = Pattern.compile("instanceof\\s+([\\w.]+)");

    /** A type test that is not a dispatch over the kinds: how often it occurs in its file, and why it stays. */
    private record OneOff(int times, String why) {
    }

    /** file (from src/main/java) and tested type → the one-off. */
    private static final Map<String, OneOff> ONE_OFFS = Map.of(
            "org/norrlab/acquisition/AcquisitionCore.java AcquisitionRecord.SampleTaken",
            new OneOff(1, "counts the samples in a batch; every other kind counts zero"),
            "org/norrlab/driver/methodscript/MethodScriptPotentiostat.java Reply.Error",
            new OneOff(1, "an unexpected line during a command is the device's error if it is one, else a bad frame"),
            "org/norrlab/bench/ParserBench.java Reply.Package",
            new OneOff(2, "the parser benchmark sums the currents of the data lines, on the byte path and on the String path"),
            "org/norrlab/config/CellBlock.java YamlNode.Mapping",
            new OneOff(1, "a reference electrode is a block of fields (an operator's own) or else one known name"));

    @Test
    void sealedHierarchiesAreNotDispatchedByInstanceof() throws IOException {
        Map<String, Set<String>> members = sealedMembers();
        assertThat(members).as("the sealed hierarchies found").containsKeys("AcquisitionRecord", "PlannedStep", "Reply",
                "YamlNode");
        Map<String, List<String>> tests = new LinkedHashMap<>();
        for (Path file : javaFiles()) {
            String text = Files.readString(file);
            String self = file.getFileName().toString().replace(".java", "");
            Matcher m = INSTANCEOF.matcher(text);
            while (m.find()) {
                String tested = m.group(1);
                String where = SOURCES.relativize(file).toString().replace('\\', '/');
                if (isMember(tested, self, members)) {
                    tests.computeIfAbsent(where + " " + qualified(tested, self), k -> new ArrayList<>())
                            .add(where + ":" + line(text, m.start()) + " instanceof " + tested);
                }
            }
        }
        List<String> chains = new ArrayList<>();
        tests.forEach((key, places) -> {
            OneOff known = ONE_OFFS.get(key);
            if (known == null || places.size() > known.times()) {
                chains.addAll(places);
            }
        });
        assertThat(chains).as("instanceof on a kind of a sealed hierarchy; use the hierarchy's visitor or match").isEmpty();
    }

    /** Each sealed interface and its kinds: the records nested in it and the types it permits. */
    private static Map<String, Set<String>> sealedMembers() throws IOException {
        Map<String, Set<String>> members = new LinkedHashMap<>();
        for (Path file : javaFiles()) {
            String text = Files.readString(file);
            Matcher sealed = SEALED.matcher(text);
            while (sealed.find()) {
                Set<String> kinds = new TreeSet<>();
                Matcher nested = NESTED_RECORD.matcher(text);
                while (nested.find()) {
                    kinds.add(sealed.group(1) + "." + nested.group(1));
                }
                if (sealed.group(2) != null) {
                    for (String permitted : sealed.group(2).split(",")) {
                        kinds.add(permitted.trim());
                    }
                }
                members.put(sealed.group(1), kinds);
            }
        }
        return members;
    }

    private static boolean isMember(String tested, String self, Map<String, Set<String>> members) {
        String name = qualified(tested, self);
        return members.values().stream().anyMatch(kinds -> kinds.contains(name) || kinds.contains(tested));
    }

    /** A kind named without its interface inside the interface's own file gets the interface's name. */
    private static String qualified(String tested, String self) {
        return tested.contains(".") ? tested : self + "." + tested;
    }

    private static int line(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
