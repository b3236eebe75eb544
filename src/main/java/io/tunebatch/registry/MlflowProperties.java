package io.tunebatch.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MLflow mirror; off unless {@code tunebatch.mlflow.tracking-uri} is set.
 *
 * @param trackingUri        the MLflow server, e.g. {@code http://mlflow:5000}
 * @param registryExperiment the experiment holding one run per mirrored version (its model card artifacts)
 */
@ConfigurationProperties("tunebatch.mlflow")
public record MlflowProperties(String trackingUri, @DefaultValue("tunebatch-registry") String registryExperiment) {
}
