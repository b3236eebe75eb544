package io.tunebatch.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads a training configuration; any problem is reported with the file, line and field. */
public final class TrainingConfigLoader {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private TrainingConfigLoader() {
    }

    public static TrainingConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TrainingConfigException(file + ": no such training configuration");
        }
        TrainingConfig config;
        try {
            config = YAML.readValue(file.toFile(), TrainingConfig.class);
        } catch (JacksonException e) {
            String field = e.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[");
            String line = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : null;
            throw new TrainingConfigException(file + line + (field.isEmpty() ? "" : ", field " + field) + ": "
                    + (cause != null ? cause.getMessage() : e.getOriginalMessage()));
        }
        if (config == null) {
            throw new TrainingConfigException(file + ": empty training configuration");
        }
        try {
            config.candidates();
        } catch (IllegalArgumentException e) {
            throw new TrainingConfigException(file + ": " + e.getMessage());
        }
        return config;
    }

    /** A training configuration that cannot be used; the message names file, line and field. */
    public static final class TrainingConfigException extends RuntimeException {
        TrainingConfigException(String message) {
            super(message);
        }
    }
}
