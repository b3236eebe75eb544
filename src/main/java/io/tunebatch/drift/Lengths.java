package io.tunebatch.drift;

import java.util.Arrays;

/** A growing list of non-negative ints without boxing: the length of every text of a profile. */
final class Lengths {

    private int[] values = new int[64];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
