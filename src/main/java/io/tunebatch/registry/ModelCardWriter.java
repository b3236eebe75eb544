package io.tunebatch.registry;

import io.tunebatch.registry.RegistryRepository.Approval;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes a model card as {@code model-card.json} and {@code model-card.md} into the version's folder. */
final class ModelCardWriter {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ModelCardWriter() {
    }

    static Path folder(Path cardDir, String model, int version) {
        return cardDir.resolve(model).resolve("v" + version);
    }

    /** Returns the Markdown file. */
    static Path write(ModelCard card, Path folder) {
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve("model-card.json"), JSON.writeValueAsBytes(card));
            return Files.writeString(folder.resolve("model-card.md"), markdown(card));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model card to " + folder, e);
        }
    }

    static String markdown(ModelCard card) {
        StringBuilder md = new StringBuilder();
        md.append("# Model card: ").append(card.model()).append(" version ").append(card.version()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Stage", card.stage());
        row(md, "Base model", card.baseModel());
        row(md, "Adapter SHA-256", card.adapterSha256() == null ? "none (base model only)" : card.adapterSha256());
        row(md, "Trained by", card.trainedBy());
        row(md, "Training job execution", card.trainingJobExecutionId() == null ? "not recorded" : card.trainingJobExecutionId().toString());
        row(md, "Registered", card.registeredAt() + " by " + card.registeredBy());

        md.append("\n## Training data\n\n");
        if (card.snapshot() == null) {
            md.append("No dataset snapshot recorded.\n");
        } else {
            md.append("| | |\n|---|---|\n");
            row(md, "Snapshot", card.snapshot().id());
            row(md, "Fingerprint (SHA-256)", card.snapshot().fingerprint());
            row(md, "Examples", Long.toString(card.snapshot().exampleCount()));
            row(md, "Sources", Long.toString(card.snapshot().sourceCount()));
            row(md, "Created", String.valueOf(card.snapshot().createdAt()));
            md.append("\nPII findings in the snapshot's examples (anonymized before training), by entity type:\n\n");
            if (card.piiFindingsByType().isEmpty()) {
                md.append("none\n");
            } else {
                md.append("| Entity type | Findings |\n|---|---|\n");
                for (Map.Entry<String, Long> entry : card.piiFindingsByType().entrySet()) {
                    row(md, entry.getKey(), entry.getValue().toString());
                }
            }
        }

        md.append("\n## Hyper-parameters and selection evidence\n\n```json\n")
                .append(JSON.writeValueAsString(card.hyperparameters())).append("\n```\n");

        ModelCard.Evaluation eval = card.evaluation();
        md.append("\n## Evaluation\n\n| | |\n|---|---|\n");
        row(md, "Suite", eval.suiteName() + " (SHA-256 " + eval.suiteSha256() + ")");
        row(md, "Eval run", Long.toString(eval.evalRunId()));
        row(md, "Pass rate", String.format(Locale.ROOT, "%.3f (%d of %d), gate %.3f", eval.passRate(), eval.passedCount(),
                eval.caseCount(), eval.gateThreshold()));
        row(md, "Failing cases", eval.failingCases().isEmpty() ? "none" : String.join(", ", eval.failingCases()));
        row(md, "Report", eval.reportHtml() + " (JSON SHA-256 " + eval.reportSha256() + ")");

        md.append("\n## Approvals\n\n");
        if (card.approvals().isEmpty()) {
            md.append("None yet. Promotion needs an approver other than the trainer (").append(card.trainedBy()).append(").\n");
        } else {
            md.append("| From | To | Approver | When | Eval pass rate | Reason |\n|---|---|---|---|---|---|\n");
            for (Approval approval : card.approvals()) {
                md.append("| ").append(approval.fromStage()).append(" | ").append(approval.toStage()).append(" | ")
                        .append(cell(approval.approver())).append(" | ").append(approval.approvedAt()).append(" | ")
                        .append(String.format(Locale.ROOT, "%.3f", approval.evalPassRate())).append(" | ")
                        .append(cell(approval.reason())).append(" |\n");
            }
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String label, String value) {
        md.append("| ").append(label).append(" | ").append(cell(value)).append(" |\n");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
