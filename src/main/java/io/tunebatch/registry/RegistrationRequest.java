package io.tunebatch.registry;

import java.nio.file.Path;

/**
 * What registration needs: the model that was trained and the evidence around it.
 *
 * @param adapter                the PEFT adapter folder (or file), or {@code null} to register the base model alone
 * @param snapshotId             the dataset snapshot it was trained on ({@code dataset_snapshot.id}), if any
 * @param trainedBy              the person who launched the training; never allowed to approve its promotion
 * @param evalRunId              the eval run that passed the gate for exactly this adapter
 * @param hyperparameters        a JSON object: the chosen hyper-parameters and the evidence for choosing them
 */
public record RegistrationRequest(String modelName, String baseModel, Path adapter, String snapshotId,
                                  Long trainingJobExecutionId, String trainedBy, long evalRunId,
                                  String hyperparameters, String registeredBy) {
}
