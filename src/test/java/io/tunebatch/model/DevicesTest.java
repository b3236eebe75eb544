package io.tunebatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;

class DevicesTest {

    @Test
    void parsesDeviceNamesAndRefusesOnesLibtorchDoesNotSee() {
        int gpus = Engine.getInstance().getGpuCount();
        assertThat(Devices.parse("cpu")).isEqualTo(Device.cpu());
        assertThat(Devices.parse("auto")).isEqualTo(gpus > 0 ? Device.gpu(0) : Device.cpu());
        assertThat(Devices.all()).hasSize(Math.max(1, gpus));
        assertThat(Devices.name(Device.gpu(1))).isEqualTo("gpu:1");
        assertThatThrownBy(() -> Devices.parse("gpu:" + gpus))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("libtorch sees " + gpus + " GPU(s)");
        assertThatThrownBy(() -> Devices.parse("tpu")).hasMessageContaining("auto, cpu, gpu, gpu:N");
        assertThat(Devices.baseWeightType(Device.cpu())).isEqualTo(DataType.FLOAT32);
        assertThat(Devices.baseWeightType(Device.gpu(0))).isEqualTo(DataType.FLOAT16);
    }
}
