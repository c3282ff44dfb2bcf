package org.norrlab.architecture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where every package of norrlab sits and which packages it may use; docs/architecture.md shows the
 * same table (ArchitectureTest checks that the two agree). A package may use packages of its own tier
 * or a lower one, never a higher one, and only those listed: a new edge is a decision written here.
 */
final class Layering {

    /** The unnamed top package: {@code org.norrlab.Version} only. */
    static final String TOP = "(top)";

    record Placement(String pkg, int tier, Set<String> uses) {
        Placement {
            uses = new TreeSet<>(uses);
        }
    }

    static final List<String> TIERS = List.of(
            "pure data and functions",
            "files and numbers",
            "bytes to instruments",
            "instruments",
            "a run's parts",
            "services",
            "front ends");

    static final Map<String, Placement> PACKAGES = table(
            place(TOP, 0),
            place("core", 0),
            place("electrochem", 0, "core"),
            place("protocol", 0),
            place("logging", 0),
            place("analysis", 1, "core"),
            place("config", 1, "core", "electrochem"),
            place("transport", 2, "core", "protocol"),
            place("driver", 3, TOP, "config", "core", "electrochem", "logging", "protocol", "transport"),
            place("emulator", 3, "config", "core", "driver", "electrochem", "protocol", "transport"),
            place("safety", 4, "analysis", "config", "core", "driver", "electrochem"),
            place("plan", 4, "config", "core", "electrochem", "safety"),
            place("acquisition", 4, "analysis", "core", "driver", "logging", "plan"),
            place("scheduler", 4, "acquisition", "core", "driver", "electrochem", "plan", "safety"),
            place("store", 4, "acquisition", "analysis", "config", "core", "electrochem", "plan", "transport"),
            place("trace", 4, "acquisition", "core", "plan"),
            place("alert", 4, "config"),
            place("run", 5, TOP, "acquisition", "config", "core", "driver", "logging", "plan", "safety", "scheduler",
                    "store", "transport"),
            place("importer", 5, TOP, "config", "core", "electrochem", "protocol", "store"),
            place("labdata", 5, "analysis", "config", "core", "driver", "electrochem", "store"),
            place("figures", 5),
            place("report", 5, "analysis", "core", "electrochem", "figures", "plan", "store"),
            place("sync", 5, "store"),
            place("runalert", 5, "acquisition", "alert", "config", "core", "plan", "report", "run", "safety", "scheduler",
                    "store"),
            place("bench", 5, "acquisition", "config", "core", "driver", "importer", "protocol", "report", "run", "scheduler",
                    "store", "trace"),
            place("cli", 6, TOP, "acquisition", "alert", "analysis", "bench", "config", "core", "driver", "electrochem",
                    "emulator", "gui", "importer", "labdata", "logging", "plan", "report", "run", "runalert", "safety", "scheduler", "status", "store",
                    "sync", "transport"),
            place("gui", 6, TOP, "acquisition", "analysis", "config", "core", "driver", "electrochem", "figures", "importer",
                    "labdata", "plan", "report", "run", "runalert", "scheduler", "store", "sync", "trace", "transport"),
            place("status", 6, "config", "core", "report", "store"));

    private Layering() {
    }

    static Placement place(String pkg, int tier, String... uses) {
        return new Placement(pkg, tier, Set.of(uses));
    }

    static Map<String, Placement> table(Placement... placements) {
        Map<String, Placement> table = new LinkedHashMap<>();
        for (Placement p : placements) {
            table.put(p.pkg(), p);
        }
        return table;
    }

    /**
     * Edges of a table that reach a higher tier, or a package the table does not place: a layering
     * allows neither.
     */
    static List<String> upwardEdges(Map<String, Placement> table) {
        List<String> up = new ArrayList<>();
        for (Placement p : table.values()) {
            for (String used : p.uses()) {
                Placement target = table.get(used);
                if (target == null) {
                    up.add(p.pkg() + " -> " + used + " (not placed)");
                } else if (target.tier() > p.tier()) {
                    up.add(p.pkg() + " (tier " + p.tier() + ") -> " + used + " (tier " + target.tier() + ")");
                }
            }
        }
        return up;
    }

    /** The Java package of a table entry below a root package ({@code org.norrlab} for the real code). */
    static String javaPackage(String root, String pkg) {
        return pkg.equals(TOP) ? root : root + "." + pkg;
    }
}
