package io.tunebatch.registry;

import io.tunebatch.evaluate.AdapterHash;
import io.tunebatch.evaluate.TextGenerator;
import io.tunebatch.evaluate.TextGeneratorFactory;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Opens a registered version for generation, refusing an adapter that is no longer the one registered. */
@Component
public class VersionGenerators {

    private final ObjectProvider<TextGeneratorFactory> factory;

    public VersionGenerators(ObjectProvider<TextGeneratorFactory> factory) {
        this.factory = factory;
    }

    public TextGenerator open(ModelVersion version) {
        Path adapter = version.adapterPath() == null ? null : Path.of(version.adapterPath());
        if (adapter != null && !AdapterHash.of(adapter).equals(version.adapterSha256())) {
            throw new RegistryException("the adapter at " + adapter + " no longer matches " + version.ref() + " (registered SHA-256 "
                    + version.adapterSha256() + "); restore the registered adapter");
        }
        return runtime().open(Path.of(version.baseModel()), adapter);
    }

    public TextGeneratorFactory runtime() {
        TextGeneratorFactory runtime = factory.getIfAvailable();
        if (runtime == null) {
            throw new RegistryException("this build has no model runtime (no TextGeneratorFactory bean); evaluate recorded "
                    + "outputs with `evaluate --outputs FILE` instead");
        }
        return runtime;
    }
}
