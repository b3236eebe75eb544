package io.tunebatch.train;

import io.tunebatch.evaluate.EvaluateTasklet;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The documented hyper-parameter selection: the completed candidate with the lowest held-out
 * loss wins (ties: the earlier candidate), and every candidate's figures are stored as evidence.
 */
final class SelectCandidateTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(SelectCandidateTasklet.class);

    private final TrainingRunRepository runs;

    SelectCandidateTasklet(TrainingRunRepository runs) {
        this.runs = runs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        long instance = step.getJobExecution().getJobInstance().getInstanceId();
        List<TrainingRunRepository.RunView> candidates = runs.runs(instance);
        TrainingRunRepository.RunView best = candidates.stream()
                .filter(r -> r.status().equals("COMPLETED"))
                .min(Comparator.comparing((TrainingRunRepository.RunView r) -> r.heldOutLoss() == null
                        ? Double.POSITIVE_INFINITY : r.heldOutLoss()).thenComparing(TrainingRunRepository.RunView::id))
                .orElseThrow(() -> new IllegalStateException("no training candidate completed"));
        runs.select(instance, step.getJobExecutionId(), best, TrainingWorker.JSON.writeValueAsString(candidates));
        step.getJobExecution().getExecutionContext().putString(EvaluateTasklet.ADAPTER_KEY, best.adapterPath());
        log.info("selected {} (held-out loss {}) among {} candidates; adapter {}", best.partitionName(),
                best.heldOutLoss(), candidates.size(), best.adapterPath());
        return RepeatStatus.FINISHED;
    }
}
