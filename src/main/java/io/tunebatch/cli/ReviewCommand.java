package io.tunebatch.cli;

import io.tunebatch.lineage.ReviewStatus;
import io.tunebatch.review.ReviewDecision;
import io.tunebatch.review.ReviewInputException;
import io.tunebatch.review.ReviewItem;
import io.tunebatch.review.ReviewService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code review list|show|approve|reject|import}: the human review of flagged examples. */
@Component
@Command(name = "review", mixinStandardHelpOptions = true, description = "Review examples flagged for PII (or all, by policy).",
        subcommands = {ReviewCommand.ListPending.class, ReviewCommand.Show.class, ReviewCommand.Approve.class,
                ReviewCommand.Reject.class, ReviewCommand.Import.class})
class ReviewCommand implements TopLevelCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Examples waiting for a decision (anonymized text).")
    static class ListPending implements Callable<Integer> {
        @Option(names = "--limit", defaultValue = "50")
        int limit;
        @Option(names = "--json")
        boolean json;

        private final ReviewService review;

        ListPending(ReviewService review) {
            this.review = review;
        }

        @Override
        public Integer call() {
            List<ReviewItem> pending = review.pending(limit);
            long total = review.countPending();
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("policy", review.policy().name().toLowerCase());
                out.put("pending", total);
                out.put("examples", pending);
                Output.json(out);
            } else {
                Output.line("%d examples waiting for review (policy %s); showing %d", total,
                        review.policy().name().toLowerCase(), pending.size());
                pending.forEach(item -> Output.line("%s  %-8s  %s", item.exampleId(), item.piiScanResult(),
                        abbreviate(item.anonymized().get("instruction"))));
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One example with its findings and its decrypted originals. The decryption is recorded.")
    static class Show implements Callable<Integer> {
        @Parameters(paramLabel = "EXAMPLE_ID")
        String exampleId;
        @Option(names = "--reviewer", paramLabel = "NAME", description = "Who is looking (recorded). Default: the OS user.")
        String reviewer = System.getProperty("user.name");
        @Option(names = "--json")
        boolean json;

        private final ReviewService review;

        Show(ReviewService review) {
            this.review = review;
        }

        @Override
        public Integer call() {
            ReviewItem item = review.show(exampleId, reviewer)
                    .orElseThrow(() -> new UserError("no example " + exampleId + "; see `tunebatch review list`"));
            if (json) {
                Output.json(item);
                return 0;
            }
            Output.line("%s  review %s, PII %s", item.exampleId(), item.reviewStatus(), item.piiScanResult());
            item.anonymized().forEach((field, text) -> Output.line("[%s]%n%s", field, text));
            item.findings().forEach(f -> Output.line("finding: %s %s [%d, %d) score %.2f by %s", f.field(), f.entityType(),
                    f.start(), f.end(), f.score(), f.recognizer()));
            item.originals().forEach((field, text) -> Output.line("[%s, original]%n%s", field, text));
            item.decisions().forEach(d -> Output.line("decision: %s by %s at %s via %s%s", d.decision().dbValue(),
                    d.annotator(), d.decidedAt(), d.channel(), d.note() == null ? "" : " (" + d.note() + ")"));
            return 0;
        }
    }

    /** Shared options of approve and reject. */
    abstract static class Decide implements Callable<Integer> {
        @Parameters(paramLabel = "EXAMPLE_ID", arity = "1..*")
        List<String> exampleIds;
        @Option(names = "--annotator", required = true, paramLabel = "NAME", description = "Who decides (recorded).")
        String annotator;
        @Option(names = "--note", paramLabel = "TEXT")
        String note;
        @Option(names = "--json")
        boolean json;

        private final ReviewService review;

        Decide(ReviewService review) {
            this.review = review;
        }

        abstract ReviewStatus decision();

        @Override
        public Integer call() {
            try {
                List<ReviewDecision> decisions = review.decide(exampleIds, decision(), annotator, note);
                printDecisions(decisions, json);
            } catch (ReviewInputException e) {
                throw new UserError(e.getMessage());
            }
            return 0;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve examples for training.")
    static class Approve extends Decide {
        Approve(ReviewService review) {
            super(review);
        }

        @Override
        ReviewStatus decision() {
            return ReviewStatus.APPROVED;
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject examples: they never enter a snapshot.")
    static class Reject extends Decide {
        Reject(ReviewService review) {
            super(review);
        }

        @Override
        ReviewStatus decision() {
            return ReviewStatus.REJECTED;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import decisions from an annotation tool's CSV export with columns example_id, decision "
                    + "(approved|rejected), annotator and optionally note, decided_at. All lines or none.")
    static class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE.csv")
        Path file;
        @Option(names = "--json")
        boolean json;

        private final ReviewService review;

        Import(ReviewService review) {
            this.review = review;
        }

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new UserError("no such file: " + file);
            }
            try {
                printDecisions(review.importCsv(file), json);
            } catch (ReviewInputException e) {
                throw new UserError(e.getMessage());
            }
            return 0;
        }
    }

    private static void printDecisions(List<ReviewDecision> decisions, boolean json) {
        if (json) {
            Output.json(Map.of("recorded", decisions.size(), "decisions", decisions));
        } else {
            decisions.forEach(d -> Output.line("%s %s by %s", d.exampleId(), d.decision().dbValue(), d.annotator()));
            Output.line("%d decisions recorded", decisions.size());
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
