package io.tunebatch.definition;

import java.nio.file.Path;
import java.util.List;

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

    /** A step after prepare: its type and where it is written. */
    public record LaterStep(String type, int index, int line) {
    }
}
