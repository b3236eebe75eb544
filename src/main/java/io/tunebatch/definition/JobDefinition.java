package io.tunebatch.definition;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, validated job definition ({@code jobs/FILE.yaml}, format in {@code jobs/README.md}),
 * its placeholders resolved.
 *
 * @param file        where it was read from
 * @param sha256      of the file's bytes, recorded with every run
 * @param prepare     its prepare step, or null when it has none
 * @param laterSteps  its train, evaluate and register steps, in order
 */
public record JobDefinition(Path file, String sha256, String name, String description, PrepareDefinition prepare,
                            List<LaterStep> laterSteps) {

    /**
     * A step after prepare: its type, where it is written, and its settings (placeholders resolved;
     * numbers as text, e.g. {@code gate: "0.9"}) with the line of each.
     */
    public record LaterStep(String type, int index, int line, Map<String, String> settings, Map<String, Integer> settingLines) {

        public String setting(String name) {
            return settings.get(name);
        }

        /** "FILE:LINE: steps[N].FIELD" for a problem with that field of this step. */
        public String locate(Path file, String field) {
            return file + ":" + settingLines.getOrDefault(field, line) + ": steps[" + index + "]." + field;
        }
    }

    /** Its later step of that type, if it has one. */
    public Optional<LaterStep> laterStep(String type) {
        return laterSteps.stream().filter(step -> step.type().equals(type)).findFirst();
    }
}
