package org.norrlab.plan;

import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A draft judged by the loader itself: the draft is written as {@link ProtocolWriter} would save it and read by
 * {@link ProtocolLoader#parse}, so the editor shows exactly the message {@code norrlab plan} would print for the saved
 * file (file:line: field: what is wrong and what is allowed), placed at the field the message names. No rule is
 * repeated here.
 */
public final class DraftCheck {
    /** {@code steps[2].ca.potential}, {@code steps[3].repeat.steps[1].hold.timeout}, {@code steps[2].ca_series.potentials[3]}. */
    private static final Pattern STEP_FIELD = Pattern.compile(
            "steps\\[(\\d+)]\\.[a-z_]+(?:\\.steps\\[(\\d+)]\\.[a-z_]+)?(?:\\.(.+))?|steps\\[(\\d+)]");

    private DraftCheck() {
    }

    /**
     * Where the loader's message belongs.
     *
     * @param field   the field it names ({@link ProtocolWriter.FieldRef}: the step's place, empty at protocol level,
     *                and the dotted key, "" for the step as a whole)
     * @param message the loader's message, whole
     */
    public record Problem(ProtocolWriter.FieldRef field, String message) {
    }

    /** The plan the draft gives, or the loader's first problem with it. */
    public record Result(Optional<Plan> plan, Optional<Problem> problem, ProtocolWriter.Written written) {
    }

    /** Checks {@code draft} as if saved as {@code file} (which names it in the messages; it is not read). */
    public static Result check(ProtocolDraft draft, Path file, SiteConfig site) {
        ProtocolWriter.Written written = ProtocolWriter.write(draft);
        try {
            return new Result(Optional.of(ProtocolLoader.parse(file, written.text(), site)), Optional.empty(), written);
        } catch (ConfigException e) {
            return new Result(Optional.empty(), Optional.of(new Problem(place(e, written), e.getMessage())), written);
        }
    }

    /** The field of the loader's message: from the field path it names, else from the line it points at. */
    static ProtocolWriter.FieldRef place(ConfigException e, ProtocolWriter.Written written) {
        String path = e.field();
        Matcher m = STEP_FIELD.matcher(path);
        if (m.matches()) {
            List<Integer> step = new ArrayList<>();
            if (m.group(4) != null) {
                step.add(Integer.parseInt(m.group(4)));
                return new ProtocolWriter.FieldRef(step, "");
            }
            step.add(Integer.parseInt(m.group(1)));
            if (m.group(2) != null) {
                step.add(Integer.parseInt(m.group(2)));
            }
            String key = m.group(3) == null ? "" : m.group(3).replaceAll("\\[\\d+]", "");
            return new ProtocolWriter.FieldRef(step, key);
        }
        if (!path.isEmpty()) {
            return new ProtocolWriter.FieldRef(List.of(), path.replaceAll("\\[\\d+]", ""));
        }
        return written.fieldAt(e.location().line()).orElse(new ProtocolWriter.FieldRef(List.of(), ""));
    }
}
