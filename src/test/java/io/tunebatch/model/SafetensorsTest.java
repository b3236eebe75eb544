package io.tunebatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {

    @TempDir
    Path temp;

    @Test
    void writesSortedKeysPaddedHeaderAndFormatMetadataAndReadsThemBack() throws Exception {
        Path file = temp.resolve("t.safetensors");
        SafetensorsWriter.write(file, Map.of(
                "zeta", new HostTensor(new long[] {2, 2}, new float[] {1, 2, 3, 4}),
                "alpha", new HostTensor(new long[] {3}, new float[] {-1.5f, 0, 7})));
        byte[] bytes = Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        assertThat(headerLength % 8).isZero();
        assertThat(header).startsWith("{\"__metadata__\":{\"format\":\"pt\"},\"alpha\":");
        assertThat(header.indexOf("alpha")).isLessThan(header.indexOf("zeta"));

        SafetensorsFile read = SafetensorsFile.open(file);
        assertThat(read.metadata()).containsEntry("format", "pt");
        assertThat(read.names()).containsExactly("alpha", "zeta");
        assertThat(read.read("zeta").shape()).containsExactly(2, 2);
        assertThat(read.read("zeta").values()).containsExactly(1, 2, 3, 4);
        assertThat(read.read("alpha").values()).containsExactly(-1.5f, 0, 7);
    }

    @Test
    void widensBf16AndF16ToFloat32Exactly() throws Exception {
        // 1.0, -2.5, 65504 (max half) and a subnormal half 2^-24
        short[] half = {0x3C00, (short) 0xC100, 0x7BFF, 0x0001};
        // bf16 is the top half of the float32 bits
        float[] bf16Values = {1.0f, -2.5f, 3.140625f, 1e-3f};
        ByteBuffer data = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        for (short h : half) {
            data.putShort(h);
        }
        for (float v : bf16Values) {
            data.putShort((short) (Float.floatToIntBits(v) >>> 16));
        }
        String header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2,2],\"data_offsets\":[8,16]}}";
        Path file = raw(header, data.array());
        SafetensorsFile read = SafetensorsFile.open(file);
        assertThat(read.read("h").values()).containsExactly(1.0f, -2.5f, 65504f, (float) Math.pow(2, -24));
        float[] widened = read.read("b").values();
        for (int i = 0; i < bf16Values.length; i++) {
            assertThat(widened[i]).isEqualTo(Float.intBitsToFloat(Float.floatToIntBits(bf16Values[i]) & 0xFFFF0000));
        }
    }

    @Test
    void rejectsUnsupportedDtypesAndBadOffsetsNamingFileAndTensor() throws Exception {
        Path int8 = raw("{\"q\":{\"dtype\":\"I8\",\"shape\":[2],\"data_offsets\":[0,2]}}", new byte[2]);
        assertThatThrownBy(() -> SafetensorsFile.open(int8))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining(int8.toString())
                .hasMessageContaining("tensor q has dtype 'I8'");
        Path shortData = raw("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", new byte[8]);
        assertThatThrownBy(() -> SafetensorsFile.open(shortData))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("tensor w has data_offsets [0, 16]");
    }

    @Test
    void checkpointNamesTheMissingShard() throws Exception {
        Files.writeString(temp.resolve("model.safetensors.index.json"),
                "{\"weight_map\":{\"a\":\"model-00001-of-00002.safetensors\"}}");
        assertThatThrownBy(() -> Checkpoint.open(temp))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("model-00001-of-00002.safetensors")
                .hasMessageContaining("does not exist");
    }

    @Test
    void readsShardedCheckpoints() {
        Checkpoint sharded = Checkpoint.open(Path.of("src/test/resources/golden/llama"));
        assertThat(sharded.names()).contains("lm_head.weight", "model.layers.1.mlp.down_proj.weight");
        assertThat(sharded.read("model.norm.weight").shape()).containsExactly(32);
    }

    private Path raw(String header, byte[] data) throws Exception {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer file = ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(json.length).put(json).put(data);
        Path path = Files.createTempFile(temp, "raw", ".safetensors");
        Files.write(path, file.array());
        return path;
    }
}
