package io.tunebatch.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The resumable state of a training run in a directory: LoRA weights, AdamW moments and the number
 * of updates made (which fixes the data position, since the example order is a function of the seed).
 * Each save goes to a fresh {@code step-N} folder; the {@code latest} file is switched by an atomic
 * rename only once that folder is complete, so a crash mid-save leaves the previous state intact.
 */
final class TrainerCheckpoint {

    static final String LATEST = "latest";
    private static final String STATE = "state.json";
    private static final String TENSORS = "state.safetensors";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A loaded state. */
    record Saved(int step, Map<String, HostTensor> tensors, Path directory) {
    }

    private TrainerCheckpoint() {
    }

    /** Fingerprint of what must not change between a save and a resume. */
    static String runIdentity(TrainingSettings settings, String dataFingerprint) {
        ObjectNode identity = JSON.createObjectNode();
        identity.set("settings", JSON.valueToTree(settings));
        identity.put("data", dataFingerprint);
        return JSON.writeValueAsString(identity);
    }

    static Path save(Path root, int step, String identity, Map<String, HostTensor> tensors) throws IOException {
        Path folder = root.resolve(String.format("step-%08d", step));
        Files.createDirectories(folder);
        SafetensorsWriter.write(folder.resolve(TENSORS), tensors);
        ObjectNode state = JSON.createObjectNode();
        state.put("step", step);
        state.set("identity", JSON.readTree(identity));
        Files.writeString(folder.resolve(STATE), JSON.writeValueAsString(state));
        Path pointer = root.resolve(LATEST + ".tmp");
        Files.writeString(pointer, folder.getFileName().toString());
        Files.move(pointer, root.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        deleteOlderThan(root, folder);
        return folder;
    }

    private static void deleteOlderThan(Path root, Path keep) throws IOException {
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(p -> p.getFileName().toString().startsWith("step-")
                    && !p.equals(keep)).toList()) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
                Files.delete(folder);
            }
        }
    }

    static Optional<Saved> load(Path root, String identity) throws IOException {
        Path pointer = root.resolve(LATEST);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        Path folder = root.resolve(Files.readString(pointer).trim());
        Path stateFile = folder.resolve(STATE);
        JsonNode state;
        try {
            state = JSON.readTree(stateFile.toFile());
        } catch (tools.jackson.core.JacksonException e) {
            throw new CheckpointException(stateFile + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!state.path("identity").equals(JSON.readTree(identity))) {
            throw new CheckpointException(stateFile + ": was saved with other settings or other training data;"
                    + " resume with the same ones or start in an empty checkpoint directory");
        }
        SafetensorsFile file = SafetensorsFile.open(folder.resolve(TENSORS));
        Map<String, HostTensor> tensors = new HashMap<>();
        file.names().forEach(name -> tensors.put(name, file.read(name)));
        return Optional.of(new Saved(state.path("step").asInt(), tensors, folder));
    }
}
