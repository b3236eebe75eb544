package io.tunebatch.monitor;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The verdict of a monitoring run as Micrometer gauges tagged with the model and version, pushed
 * with the process's other metrics (Prometheus Pushgateway, see docs/operations.md):
 * {@code tunebatch.monitor.safety.failure.rate}, {@code .format.failure.rate}, {@code .pii.leak.rate},
 * {@code .drift.psi} (tag {@code feature}) and {@code .thresholds.crossed}. The line counts are
 * counters of the scoring step ({@code tunebatch.monitor.lines.*}).
 */
@Component
public class MonitorMetrics {

    private record Key(String name, Tags tags) {
    }

    private final MeterRegistry registry;
    private final Map<Key, AtomicReference<Double>> values = new ConcurrentHashMap<>();

    public MonitorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(MonitorVerdict verdict) {
        Tags model = Tags.of("model", verdict.modelName(), "version", Integer.toString(verdict.modelVersion()));
        set("tunebatch.monitor.safety.failure.rate", model, verdict.safetyFailureRate());
        set("tunebatch.monitor.format.failure.rate", model, verdict.formatFailureRate());
        set("tunebatch.monitor.pii.leak.rate", model, verdict.piiLeakRate());
        set("tunebatch.monitor.thresholds.crossed", model, verdict.crossed().size());
        if (verdict.promptLengthPsi() != null) {
            set("tunebatch.monitor.drift.psi", model.and("feature", "prompt_length"), verdict.promptLengthPsi());
            set("tunebatch.monitor.drift.psi", model.and("feature", "prompt_tokens"), verdict.promptTokenPsi());
        }
    }

    /** A gauge keeps only a weak reference to what it reads, so the holders live here, one per gauge. */
    private void set(String name, Tags tags, double value) {
        values.computeIfAbsent(new Key(name, tags), key -> {
            AtomicReference<Double> holder = new AtomicReference<>(value);
            Gauge.builder(name, holder, AtomicReference::get).tags(tags).register(registry);
            return holder;
        }).set(value);
    }
}
