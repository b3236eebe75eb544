package io.tunebatch.model;

/** Linear warmup from 0, then cosine or linear decay to 0 (transformers' get_*_schedule_with_warmup), or constant. */
public enum LearningRateSchedule {
    COSINE, LINEAR, CONSTANT;

    /** The learning rate for the update made at {@code step} (0-based) of {@code totalSteps}. */
    public double at(double peak, int step, int warmupSteps, int totalSteps) {
        if (step < warmupSteps) {
            return peak * step / Math.max(1, warmupSteps);
        }
        double progress = (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps);
        return switch (this) {
            case COSINE -> peak * Math.max(0, 0.5 * (1 + Math.cos(Math.PI * progress)));
            case LINEAR -> peak * Math.max(0, 1 - progress);
            case CONSTANT -> peak;
        };
    }
}
