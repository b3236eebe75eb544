package io.tunebatch.registry;

import java.util.List;

/**
 * A copy of the registry kept elsewhere (MLflow). Our tables are the record; a mirror is brought in
 * line with them after every change, from scratch each time, so a failed sync heals on the next one.
 */
public interface RegistryMirror {

    /** @param versions every version of the model, with its current stage */
    void sync(String modelName, List<ModelVersion> versions);
}
