package io.tunebatch.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a LoRA adapter: loads the base model, runs {@link TrainingSession} to the end (checkpointing
 * every {@code checkpointEverySteps}), measures held-out loss and writes the PEFT adapter folder.
 * No Spring here: the Batch step wraps this.
 */
public final class LoraTrainer {

    public TrainingResult train(TrainingRequest request, TrainingListener listener) throws IOException {
        TrainingSettings settings = request.settings();
        try (LanguageModel model = LanguageModel.load(request.baseModel(), request.device(),
                Devices.baseWeightType(request.device()));
             TrainingSession session = TrainingSession.open(model, request.trainingExamples(), settings,
                     request.checkpointDirectory())) {
            List<StepMetrics> metrics = new ArrayList<>();
            while (!session.finished()) {
                StepMetrics step = session.runStep();
                metrics.add(step);
                listener.onStep(step);
                // the last state is saved too, so a restart after the end does no step again
                int every = settings.checkpointEverySteps();
                if (every > 0 && (step.step() % every == 0 || session.finished())) {
                    listener.onCheckpoint(step.step(), session.saveCheckpoint());
                }
            }
            double heldOutLoss = request.heldOutExamples().isEmpty() ? Double.NaN
                    : session.evaluate(request.heldOutExamples());
            PeftAdapter.write(session.adapter(), request.adapterDirectory(), request.baseModel().toString());
            return new TrainingResult(request.adapterDirectory(), session.adapter().parameterCount(), session.step(),
                    session.resumedFromStep(), List.copyOf(metrics), heldOutLoss);
        }
    }
}
