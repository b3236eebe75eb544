package io.tunebatch.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Which devices training partitions run on, decided without loading libtorch in this process
 * (the children load it). {@code auto}: the GPUs the NVIDIA driver lists (narrowed by
 * CUDA_VISIBLE_DEVICES when set), or the CPU; otherwise an explicit list such as
 * {@code cpu} or {@code gpu:0,gpu:1}.
 */
final class DeviceInventory {

    private DeviceInventory() {
    }

    static List<String> resolve(String devices) {
        if (devices == null || devices.isBlank() || devices.equals("auto")) {
            int gpus = visibleGpus();
            return gpus == 0 ? List.of("cpu") : IntStream.range(0, gpus).mapToObj(i -> "gpu:" + i).toList();
        }
        List<String> names = new ArrayList<>();
        for (String name : devices.split(",")) {
            String device = name.strip();
            if (!device.equals("cpu") && !device.matches("gpu(:\\d+)?")) {
                throw new IllegalArgumentException("devices: '" + device + "' is not one of auto, cpu, gpu, gpu:N");
            }
            names.add(device);
        }
        return List.copyOf(names);
    }

    private static int visibleGpus() {
        String visible = System.getenv("CUDA_VISIBLE_DEVICES");
        if (visible != null) {
            return (int) Arrays.stream(visible.split(",")).filter(s -> !s.isBlank() && !s.strip().equals("-1")).count();
        }
        Path driver = Path.of("/proc/driver/nvidia/gpus");
        if (!Files.isDirectory(driver)) {
            return 0;
        }
        try (Stream<Path> gpus = Files.list(driver)) {
            return (int) gpus.count();
        } catch (IOException e) {
            return 0;
        }
    }
}
