package io.tunebatch.registry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Switches the MLflow mirror on when {@code tunebatch.mlflow.tracking-uri} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("tunebatch.mlflow.tracking-uri")
class MlflowMirrorConfiguration {

    @Bean
    MlflowRegistryMirror mlflowRegistryMirror(MlflowProperties properties) {
        return new MlflowRegistryMirror(properties.trackingUri(), properties.registryExperiment());
    }
}
