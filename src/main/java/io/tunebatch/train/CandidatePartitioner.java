package io.tunebatch.train;

import io.tunebatch.model.TrainingSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per grid candidate. Its context carries everything about the candidate, so a
 * worker (or a restart) trains what was split here without reading the configuration file again;
 * the device is chosen where the partition runs ({@link DeviceAssignments}).
 */
final class CandidatePartitioner implements Partitioner {

    static final String CANDIDATE = "train.candidate";
    static final String SETTINGS = "train.settings";
    static final String CONFIG_NAME = "train.config.name";
    static final String DEVICES = "train.devices";
    /** The device the partition's latest attempt trains on, for the record. */
    static final String DEVICE = "train.device";

    private final TrainingConfig config;

    CandidatePartitioner(TrainingConfig config) {
        this.config = config;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (TrainingConfig.Candidate candidate : config.candidates()) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(CANDIDATE, candidate.index());
            context.putString(SETTINGS, TrainingWorker.JSON.writeValueAsString(candidate.settings()));
            context.putString(CONFIG_NAME, config.name());
            context.putString(DEVICES, config.devices());
            partitions.put(candidate.partitionName(), context);
        }
        return partitions;
    }

    /** The candidate a partition trains, as this partitioner described it. */
    static TrainingConfig.Candidate candidate(ExecutionContext context) {
        TrainingSettings settings = TrainingWorker.JSON.readValue(context.getString(SETTINGS), TrainingSettings.class);
        return new TrainingConfig.Candidate(context.getInt(CANDIDATE), settings.lora().rank(), settings.learningRate(), settings);
    }
}
