package io.tunebatch.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes float32 tensors as a {@code .safetensors} file the way the Python library does: keys
 * sorted, {@code {"format":"pt"}} metadata, header padded with spaces to 8 bytes. Equal input
 * gives equal bytes, which the reproducibility tests rely on.
 */
public final class SafetensorsWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SafetensorsWriter() {
    }

    public static void write(Path file, Map<String, HostTensor> tensors) throws IOException {
        SortedMap<String, HostTensor> sorted = new TreeMap<>(tensors);
        ObjectNode header = JSON.createObjectNode();
        header.putObject("__metadata__").put("format", "pt");
        long offset = 0;
        for (Map.Entry<String, HostTensor> entry : sorted.entrySet()) {
            ObjectNode node = header.putObject(entry.getKey());
            node.put("dtype", "F32");
            ArrayNode shape = node.putArray("shape");
            for (long dim : entry.getValue().shape()) {
                shape.add(dim);
            }
            long bytes = 4L * entry.getValue().size();
            node.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] headerJson = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        int padded = (headerJson.length + 7) / 8 * 8;
        ByteBuffer prefix = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        prefix.putLong(padded).put(headerJson);
        while (prefix.hasRemaining()) {
            prefix.put((byte) ' ');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(prefix.array());
            for (HostTensor tensor : sorted.values()) {
                ByteBuffer data = ByteBuffer.allocate(4 * tensor.values().length).order(ByteOrder.LITTLE_ENDIAN);
                data.asFloatBuffer().put(tensor.values());
                out.write(data.array());
            }
        }
    }
}
