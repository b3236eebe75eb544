package io.tunebatch.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The weights of a Hugging Face model folder: {@code model.safetensors}, or shards listed in
 * {@code model.safetensors.index.json}. Tensors are read one by one, by name.
 */
public final class Checkpoint {

    static final String SINGLE_FILE = "model.safetensors";
    static final String INDEX_FILE = "model.safetensors.index.json";

    private final Path directory;
    private final Map<String, SafetensorsFile> fileByTensor;

    private Checkpoint(Path directory, Map<String, SafetensorsFile> fileByTensor) {
        this.directory = directory;
        this.fileByTensor = fileByTensor;
    }

    public static Checkpoint open(Path directory) {
        Path single = directory.resolve(SINGLE_FILE);
        Path index = directory.resolve(INDEX_FILE);
        Map<String, SafetensorsFile> fileByTensor = new HashMap<>();
        if (Files.isRegularFile(single)) {
            SafetensorsFile file = SafetensorsFile.open(single);
            file.names().forEach(name -> fileByTensor.put(name, file));
        } else if (Files.isRegularFile(index)) {
            JsonNode weightMap = readIndex(index);
            Map<String, SafetensorsFile> shards = new HashMap<>();
            for (Map.Entry<String, JsonNode> entry : weightMap.properties()) {
                String shardName = entry.getValue().asString();
                Path shardPath = directory.resolve(shardName);
                if (!Files.isRegularFile(shardPath)) {
                    throw new CheckpointException(index + ": weight_map names shard " + shardName
                            + " for " + entry.getKey() + ", but " + shardPath + " does not exist");
                }
                SafetensorsFile shard = shards.computeIfAbsent(shardName, n -> SafetensorsFile.open(shardPath));
                if (!shard.names().contains(entry.getKey())) {
                    throw new CheckpointException(shardPath + ": has no tensor " + entry.getKey()
                            + " although " + index + " says so");
                }
                fileByTensor.put(entry.getKey(), shard);
            }
        } else {
            throw new CheckpointException(directory + ": neither " + SINGLE_FILE + " nor " + INDEX_FILE
                    + " found; a Hugging Face model folder with safetensors weights is needed");
        }
        return new Checkpoint(directory, Collections.unmodifiableMap(fileByTensor));
    }

    private static JsonNode readIndex(Path index) {
        try {
            JsonNode weightMap = JsonMapper.builder().build().readTree(index.toFile()).path("weight_map");
            if (!weightMap.isObject() || weightMap.isEmpty()) {
                throw new CheckpointException(index + ": field weight_map is missing or empty");
            }
            return weightMap;
        } catch (tools.jackson.core.JacksonException e) {
            throw new CheckpointException(index + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public Path directory() {
        return directory;
    }

    public Set<String> names() {
        return new TreeSet<>(fileByTensor.keySet());
    }

    public boolean contains(String name) {
        return fileByTensor.containsKey(name);
    }

    public HostTensor read(String name) {
        SafetensorsFile file = fileByTensor.get(name);
        if (file == null) {
            throw new CheckpointException(directory + ": the checkpoint has no tensor " + name);
        }
        return file.read(name);
    }

    /** The tensor {@code name}, which must have the shape the model's config.json implies. */
    public HostTensor read(String name, long... expectedShape) {
        HostTensor host = read(name);
        if (!Arrays.equals(host.shape(), expectedShape)) {
            throw new CheckpointException(directory + ": tensor " + name + " has shape "
                    + Arrays.toString(host.shape()) + " but config.json implies " + Arrays.toString(expectedShape));
        }
        return host;
    }
}
