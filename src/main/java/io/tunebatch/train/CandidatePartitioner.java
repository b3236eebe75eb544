package io.tunebatch.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** One partition per grid candidate; candidates take the devices in turn. */
final class CandidatePartitioner implements Partitioner {

    static final String CANDIDATE = "train.candidate";
    static final String DEVICE = "train.device";

    private final TrainingConfig config;
    private final List<String> devices;

    CandidatePartitioner(TrainingConfig config, List<String> devices) {
        this.config = config;
        this.devices = devices;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (TrainingConfig.Candidate candidate : config.candidates()) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(CANDIDATE, candidate.index());
            context.putString(DEVICE, devices.get(candidate.index() % devices.size()));
            partitions.put(candidate.partitionName(), context);
        }
        return partitions;
    }
}
