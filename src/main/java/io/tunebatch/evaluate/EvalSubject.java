package io.tunebatch.evaluate;

import java.nio.file.Path;

/**
 * What an eval run evaluated.
 *
 * @param description    readable, e.g. {@code base=/models/tiny adapter=/runs/7/adapter}
 * @param baseModel      the base model, when a model was run
 * @param adapterSha256  the adapter's hash ({@link AdapterHash}), when one was loaded
 * @param modelVersionId the registered version, when one was evaluated
 */
public record EvalSubject(String description, String baseModel, String adapterSha256, Long modelVersionId) {

    public static EvalSubject recordedOutputs(Path file) {
        return new EvalSubject("outputs=" + file, null, null, null);
    }
}
