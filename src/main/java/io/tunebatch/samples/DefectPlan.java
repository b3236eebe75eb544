package io.tunebatch.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where a file's malformed lines go: each defect before a random well-formed record (never before
 * the first, so a reader's first line is always good), an unterminated quote after the last one,
 * since it swallows everything that follows it.
 */
final class DefectPlan {

    static final DefectPlan NONE = new DefectPlan(List.of(), new long[0]);

    private final List<Malformation> kinds;
    private final long[] positions;

    private DefectPlan(List<Malformation> kinds, long[] positions) {
        this.kinds = kinds;
        this.positions = positions;
    }

    static DefectPlan spread(List<Malformation> kinds, long records, SplittableRandom random) {
        long[] positions = new long[kinds.size()];
        for (int i = 0; i < kinds.size(); i++) {
            boolean last = kinds.get(i) == Malformation.UNTERMINATED_QUOTE || records < 2;
            positions[i] = last ? records : 1 + random.nextLong(records - 1);
        }
        return new DefectPlan(List.copyOf(kinds), positions);
    }

    /** The defects to write just before well-formed record k (0-based; k = records means at the end). */
    List<Malformation> before(long k) {
        if (positions.length == 0) {
            return List.of();
        }
        List<Malformation> due = new ArrayList<>(0);
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] == k) {
                due.add(kinds.get(i));
            }
        }
        return due;
    }
}
