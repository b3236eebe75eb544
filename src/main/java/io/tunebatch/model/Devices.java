package io.tunebatch.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Which device to compute on. With CUDA visible to libtorch the GPUs are used and base weights are
 * stored in FP16 (DJL's PyTorch engine has no BF16); arithmetic, LoRA weights and optimizer moments
 * stay FP32 (see {@link Precision}). On CPU everything is FP32.
 */
public final class Devices {

    private Devices() {
    }

    /** GPU 0 when one is visible, else the CPU. */
    public static Device preferred() {
        return Engine.getInstance().getGpuCount() > 0 ? Device.gpu(0) : Device.cpu();
    }

    /** Every GPU, or just the CPU when there is none: one training partition per entry. */
    public static List<Device> all() {
        int gpus = Engine.getInstance().getGpuCount();
        if (gpus == 0) {
            return List.of(Device.cpu());
        }
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < gpus; i++) {
            devices.add(Device.gpu(i));
        }
        return List.copyOf(devices);
    }

    public static DataType baseWeightType(Device device) {
        return device.isGpu() ? DataType.FLOAT16 : DataType.FLOAT32;
    }

    /** "cpu" or "gpu:1": the form {@link #parse} reads back. */
    public static String name(Device device) {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }

    public static Device parse(String name) {
        if (name == null || name.isBlank() || name.equals("auto")) {
            return preferred();
        }
        if (name.equals("cpu")) {
            return Device.cpu();
        }
        if (name.matches("gpu(:\\d+)?")) {
            int index = name.contains(":") ? Integer.parseInt(name.substring(4)) : 0;
            int gpus = Engine.getInstance().getGpuCount();
            if (index >= gpus) {
                throw new IllegalArgumentException("device " + name + " requested but libtorch sees " + gpus + " GPU(s)");
            }
            return Device.gpu(index);
        }
        throw new IllegalArgumentException("device '" + name + "' is not one of auto, cpu, gpu, gpu:N");
    }
}
