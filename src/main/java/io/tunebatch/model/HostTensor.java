package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/** A float32 tensor held in Java memory: what checkpoint files are read into and written from. */
public record HostTensor(long[] shape, float[] values) {

    public HostTensor {
        if (new Shape(shape).size() != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape)
                    + " does not hold " + values.length + " values");
        }
    }

    public static HostTensor of(NDArray array) {
        NDArray f32 = array.toType(DataType.FLOAT32, false);
        HostTensor tensor = new HostTensor(array.getShape().getShape(), f32.toFloatArray());
        if (f32 != array) {
            f32.close();
        }
        return tensor;
    }

    public NDArray toNDArray(NDManager manager) {
        return manager.create(values, new Shape(shape));
    }

    public long size() {
        return values.length;
    }
}
