package io.tunebatch.registry;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param cardDir where model cards are written, one folder per model and version
 */
@ConfigurationProperties("tunebatch.registry")
public record RegistryProperties(Path cardDir) {

    public RegistryProperties {
        if (cardDir == null) {
            throw new IllegalArgumentException("tunebatch.registry.card-dir must be set");
        }
    }
}
