package io.tunebatch.cli;

import io.tunebatch.lineage.ErasureImpact;
import io.tunebatch.lineage.ErasureResult;
import io.tunebatch.lineage.LineageException;
import io.tunebatch.lineage.LineageService;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lineage erase-impact|erase}: where a source document's content went, and GDPR erasure of it. */
@Component
@Command(name = "lineage", mixinStandardHelpOptions = true,
        description = "Trace a source document into examples, snapshots and models; erase it on request (GDPR Art. 17).",
        subcommands = {LineageCommand.EraseImpact.class, LineageCommand.Erase.class})
class LineageCommand implements TopLevelCommand {

    /** The document both subcommands name. */
    static class Document {
        @Option(names = "--source-system", required = true, paramLabel = "SYSTEM")
        String sourceSystem;
        @Option(names = "--document-id", required = true, paramLabel = "ID")
        String documentId;
    }

    @Command(name = "erase-impact", mixinStandardHelpOptions = true,
            description = "The examples, snapshots and model versions (production marked) derived from one source document.")
    static class EraseImpact implements Callable<Integer> {
        @Mixin
        Document document;
        @Option(names = "--json")
        boolean json;

        private final LineageService lineage;

        EraseImpact(LineageService lineage) {
            this.lineage = lineage;
        }

        @Override
        public Integer call() {
            ErasureImpact impact = userError(() -> lineage.eraseImpact(document.sourceSystem, document.documentId));
            if (json) {
                Output.json(impact);
                return 0;
            }
            Output.line("document %s:%s", impact.sourceSystem(), impact.sourceDocumentId());
            Output.line("examples: %d (%d would be erased; the others are already erased or also come from another document)",
                    impact.examples().size(), impact.examplesToErase().size());
            impact.examples().forEach(e -> Output.line("  %s  %s", e.exampleId(), e.alreadyErased() ? "already erased"
                    : e.otherDocuments().isEmpty() ? "would be erased" : "kept: also in " + String.join(", ", e.otherDocuments())));
            Output.line("snapshots: %d", impact.snapshots().size());
            impact.snapshots().forEach(s -> Output.line("  %s  %d of its examples  %s", s.snapshotId(), s.examplesFromDocument(),
                    s.fingerprint()));
            Output.line("model versions: %d (%d in production)", impact.modelVersions().size(), impact.inProduction().size());
            impact.modelVersions().forEach(v -> Output.line("  %s:%d  %s%s", v.modelName(), v.version(), v.stage(),
                    v.inProduction() ? "  <- IN PRODUCTION" : ""));
            impact.pastRequests().forEach(r -> Output.line("already requested: erasure %d by %s at %s", r.erasureRequestId(),
                    r.requestedBy(), r.requestedAt()));
            return 0;
        }
    }

    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = "Take the document's examples out of future snapshots, destroy their text and encrypted originals, "
                    + "flag the model versions trained on them for retraining, and record the request.")
    static class Erase implements Callable<Integer> {
        @Mixin
        Document document;
        @Option(names = "--by", required = true, paramLabel = "PERSON", description = "Who carries out the request (recorded).")
        String by;
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "E.g. the request's reference (recorded).")
        String reason;
        @Option(names = "--json")
        boolean json;

        private final LineageService lineage;

        Erase(LineageService lineage) {
            this.lineage = lineage;
        }

        @Override
        public Integer call() {
            ErasureResult result = userError(() -> lineage.erase(document.sourceSystem, document.documentId, by, reason));
            if (json) {
                Output.json(result);
                return 0;
            }
            Output.line("erasure request %d recorded for %s:%s", result.erasureRequestId(), result.sourceSystem(),
                    result.sourceDocumentId());
            Output.line("examples erased: %d; kept because another document provides them: %d; encrypted originals deleted: %d",
                    result.erasedExamples().size(), result.keptExamples().size(), result.originalsDeleted());
            Output.line("model versions flagged for retraining: %d", result.flaggedForRetraining().size());
            result.flaggedForRetraining().forEach(v -> Output.line("  %s:%d  %s%s", v.modelName(), v.version(), v.stage(),
                    v.inProduction() ? "  <- IN PRODUCTION: retrain and promote a replacement" : ""));
            Output.line("the next prepare run's snapshot excludes the erased examples (validation rule 'erased')");
            return 0;
        }
    }

    private static <T> T userError(Supplier<T> call) {
        try {
            return call.get();
        } catch (LineageException e) {
            throw new UserError(e.getMessage());
        }
    }
}
