package io.tunebatch.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code .safetensors} file: an 8-byte little-endian header length, a JSON header naming each
 * tensor's dtype, shape and byte range, then the raw data. Tensors are mapped one at a time, so a
 * file of any size is read without holding it whole; F16 and BF16 are widened to F32 in Java
 * (DJL's PyTorch engine cannot hold BF16).
 */
public final class SafetensorsFile {

    /** Where one tensor lives in the data section. */
    public record Entry(String dtype, long[] shape, long begin, long end) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private final Path path;
    private final long dataStart;
    private final Map<String, Entry> entries;
    private final Map<String, String> metadata;

    private SafetensorsFile(Path path, long dataStart, Map<String, Entry> entries, Map<String, String> metadata) {
        this.path = path;
        this.dataStart = dataStart;
        this.entries = entries;
        this.metadata = metadata;
    }

    public static SafetensorsFile open(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            if (fileSize < 8) {
                throw new CheckpointException(path + ": too short to be a safetensors file");
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(lengthBytes, 0);
            long headerLength = lengthBytes.flip().getLong();
            if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || 8 + headerLength > fileSize) {
                throw new CheckpointException(path + ": header length " + headerLength + " is not valid");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            channel.read(header, 8);
            JsonNode root = JSON.readTree(header.array());
            long dataSize = fileSize - 8 - headerLength;
            Map<String, Entry> entries = new LinkedHashMap<>();
            Map<String, String> metadata = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : root.properties()) {
                if (field.getKey().equals("__metadata__")) {
                    field.getValue().properties().forEach(m -> metadata.put(m.getKey(), m.getValue().asString()));
                    continue;
                }
                entries.put(field.getKey(), parseEntry(path, field.getKey(), field.getValue(), dataSize));
            }
            return new SafetensorsFile(path, 8 + headerLength, Collections.unmodifiableMap(entries),
                    Collections.unmodifiableMap(metadata));
        } catch (IOException e) {
            throw new CheckpointException(path + ": cannot read safetensors file: " + e.getMessage(), e);
        } catch (tools.jackson.core.JacksonException e) {
            throw new CheckpointException(path + ": header is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Entry parseEntry(Path path, String name, JsonNode node, long dataSize) {
        String dtype = node.path("dtype").asString("");
        if (!dtype.equals("F32") && !dtype.equals("F16") && !dtype.equals("BF16")) {
            throw new CheckpointException(path + ": tensor " + name + " has dtype '" + dtype
                    + "'; only F32, F16 and BF16 are supported");
        }
        JsonNode shapeNode = node.path("shape");
        long[] shape = new long[shapeNode.size()];
        long elements = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong();
            elements *= shape[i];
        }
        long begin = node.path("data_offsets").path(0).asLong(-1);
        long end = node.path("data_offsets").path(1).asLong(-1);
        if (begin < 0 || end < begin || end > dataSize || end - begin != elements * bytesPerElement(dtype)) {
            throw new CheckpointException(path + ": tensor " + name + " has data_offsets [" + begin + ", "
                    + end + "] that do not fit its shape or the file");
        }
        return new Entry(dtype, shape, begin, end);
    }

    private static int bytesPerElement(String dtype) {
        return dtype.equals("F32") ? 4 : 2;
    }

    /** IEEE 754 binary16 to float32, exact (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short half) {
        int bits = half & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    public Path path() {
        return path;
    }

    public Set<String> names() {
        return entries.keySet();
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    public Entry entry(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new CheckpointException(path + ": no tensor named " + name);
        }
        return entry;
    }

    /** Reads one tensor, widened to float32. */
    public HostTensor read(String name) {
        Entry entry = entry(name);
        int count = Math.toIntExact((entry.end() - entry.begin()) / bytesPerElement(entry.dtype()));
        float[] values = new float[count];
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY,
                    dataStart + entry.begin(), entry.end() - entry.begin());
            mapped.order(ByteOrder.LITTLE_ENDIAN);
            switch (entry.dtype()) {
                case "F32" -> mapped.asFloatBuffer().get(values);
                case "BF16" -> {
                    for (int i = 0; i < count; i++) {
                        values[i] = Float.intBitsToFloat((mapped.getShort() & 0xFFFF) << 16);
                    }
                }
                default -> {
                    for (int i = 0; i < count; i++) {
                        values[i] = halfToFloat(mapped.getShort());
                    }
                }
            }
        } catch (IOException e) {
            throw new CheckpointException(path + ": cannot read tensor " + name + ": " + e.getMessage(), e);
        }
        return new HostTensor(entry.shape(), values);
    }
}
