package io.tunebatch.cli;

import static io.tunebatch.cli.GovernanceErrors.userErrors;

import io.tunebatch.evaluate.EvalSuite;
import io.tunebatch.evaluate.EvaluationService;
import io.tunebatch.evaluate.PairedStatistics.Interval;
import io.tunebatch.registry.ModelComparison;
import io.tunebatch.registry.ModelComparison.CaseDifference;
import io.tunebatch.registry.ModelComparison.Comparison;
import io.tunebatch.registry.ModelRegistry;
import io.tunebatch.registry.ModelRegistry.ModelSummary;
import io.tunebatch.registry.ModelRegistry.Promotion;
import io.tunebatch.registry.ModelRegistry.Rollback;
import io.tunebatch.registry.ModelVersion;
import io.tunebatch.registry.RegistrationRequest;
import io.tunebatch.registry.Transition;
import io.tunebatch.registry.VersionGenerators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The registry subcommands ({@code list show register promote rollback history compare}). They
 * hang under the {@code model} group; each is a Spring-created picocli command.
 */
public final class ModelRegistryCommands {

    private ModelRegistryCommands() {
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Registered models with their staging and production versions.")
    static final class ListModels implements Runnable {
        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        private final ModelRegistry registry;

        ListModels(ModelRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void run() {
            List<ModelSummary> models = registry.models();
            if (json) {
                Output.json(models);
                return;
            }
            Output.line("%-30s %8s %7s %8s %10s", "MODEL", "VERSIONS", "LATEST", "STAGING", "PRODUCTION");
            for (ModelSummary model : models) {
                Output.line("%-30s %8d %7s %8s %10s", model.name(), model.versions(), orDash(model.latest()),
                        orDash(model.staging()), orDash(model.production()));
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A model's versions, or one version in full (NAME:VERSION).")
    static final class Show implements Runnable {
        @Parameters(paramLabel = "NAME[:VERSION]")
        String target;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        private final ModelRegistry registry;

        Show(ModelRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void run() {
            if (!target.contains(":")) {
                List<ModelVersion> versions = userErrors(() -> registry.versions(target));
                if (json) {
                    Output.json(versions);
                    return;
                }
                Output.line("%-8s %-12s %-7s %-20s %-16s %s", "VERSION", "STAGE", "EVAL", "TRAINED BY", "ADAPTER", "REGISTERED");
                for (ModelVersion version : versions) {
                    Output.line("%-8d %-12s %-7.3f %-20s %-16s %s", version.version(), version.stage(), version.evalPassRate(),
                            version.trainedBy(), version.adapterSha256() == null ? "-" : version.adapterSha256().substring(0, 12),
                            version.registeredAt());
                }
                return;
            }
            ModelRef ref = ModelRef.parse(target);
            ModelVersion version = userErrors(() -> registry.version(ref.name(), ref.version()));
            if (json) {
                Output.json(registry.card(version));
                return;
            }
            Output.line("%s  stage %s", version.ref(), version.stage());
            Output.line("base model        %s", version.baseModel());
            Output.line("adapter SHA-256   %s", Objects.toString(version.adapterSha256(), "none"));
            Output.line("snapshot          %s (fingerprint %s)", Objects.toString(version.snapshotId(), "none"),
                    Objects.toString(version.snapshotFingerprint(), "none"));
            Output.line("training job      %s, trained by %s", Objects.toString(version.trainingJobExecutionId(), "not recorded"),
                    version.trainedBy());
            Output.line("eval              run %d, pass rate %.3f", version.evalRunId(), version.evalPassRate());
            Output.line("model card        %s", version.modelCardPath());
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Register a version whose eval run passed the gate on exactly this adapter.")
    static final class Register implements Runnable {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--base", required = true, paramLabel = "MODEL", description = "base model folder or name")
        String base;

        @Option(names = "--adapter", paramLabel = "DIR", description = "PEFT adapter folder (omit to register the base model alone)")
        Path adapter;

        @Option(names = "--eval-run", required = true, paramLabel = "ID", description = "the eval run that passed the gate")
        long evalRun;

        @Option(names = "--trained-by", paramLabel = "PERSON", description = "who launched the training; required unless the "
                + "eval run came from `train --suite`, whose job records it (as it records the next three)")
        String trainedBy;

        @Option(names = "--snapshot", paramLabel = "ID", description = "dataset snapshot it was trained on")
        String snapshot;

        @Option(names = "--training-job-execution", paramLabel = "ID", description = "the training job execution")
        Long trainingJobExecution;

        @Option(names = "--hyperparameters", paramLabel = "FILE", description = "JSON object: hyper-parameters and selection evidence "
                + "(default from a training job: the selected candidate's settings and every candidate's figures)")
        Path hyperparameters;

        @Option(names = "--by", paramLabel = "PERSON", defaultValue = "${sys:user.name}", description = "who registers (default: ${DEFAULT-VALUE})")
        String by;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        private final ModelRegistry registry;

        Register(ModelRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void run() {
            String params = hyperparameters == null ? null : read(hyperparameters);
            ModelVersion version = userErrors(() -> registry.register(new RegistrationRequest(name, base, adapter, snapshot,
                    trainingJobExecution, trainedBy, evalRun, params, by)));
            if (json) {
                Output.json(version);
            } else {
                Output.line("registered %s in development (eval pass rate %.3f); model card %s", version.ref(),
                        version.evalPassRate(), version.modelCardPath());
            }
        }
    }

    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = "Move a version one stage up (development → staging → production); the approver must not be the trainer.")
    static final class Promote implements Runnable {
        @Parameters(paramLabel = "NAME:VERSION")
        String target;

        @Option(names = "--by", required = true, paramLabel = "PERSON", description = "the approver (not the trainer)")
        String by;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why this version may move up")
        String reason;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        private final ModelRegistry registry;

        Promote(ModelRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void run() {
            ModelRef ref = ModelRef.parse(target);
            Promotion promotion = userErrors(() -> registry.promote(ref.name(), ref.version(), by, reason));
            if (json) {
                Output.json(promotion);
            } else {
                Output.line("%s: %s → %s, approved by %s (eval pass rate %.3f, gate %.3f)%s", promotion.version().ref(),
                        promotion.fromStage(), promotion.toStage(), by, promotion.evalPassRate(), promotion.gateThreshold(),
                        promotion.replaced() == null ? "" : "; version " + promotion.replaced().version() + " archived");
            }
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true, description = "Put the previous production version back.")
    static final class RollbackCommand implements Runnable {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--by", required = true, paramLabel = "PERSON", description = "who rolls back")
        String by;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why")
        String reason;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        private final ModelRegistry registry;

        RollbackCommand(ModelRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void run() {
            Rollback rollback = userErrors(() -> registry.rollback(name, by, reason));
            if (json) {
                Output.json(rollback);
            } else {
                Output.line("%s: production is version %d again (was %d); rolled back by %s in %d ms", name, rollback.to().version(),
                        rollback.from().version(), by, rollback.elapsedMillis());
            }
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "Every stage change of every version of a model.")
    static final class History implements Runnable {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        private final ModelRegistry registry;

        History(ModelRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void run() {
            List<Transition> history = userErrors(() -> registry.history(name));
            if (json) {
                Output.json(history);
                return;
            }
            for (Transition t : history) {
                Output.line("%s  v%d  %-11s → %-11s %-10s by %s%s", t.happenedAt(), t.version(), Objects.toString(t.fromStage(), "-"),
                        t.toStage(), t.cause(), t.actor(), t.reason() == null ? "" : ": " + t.reason());
            }
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "A/B: run two versions on the same suite; McNemar's exact test and a bootstrap CI of the score difference.")
    static final class Compare implements Runnable {
        @Parameters(index = "0", paramLabel = "NAME:V1")
        String first;

        @Parameters(index = "1", paramLabel = "NAME:V2")
        String second;

        @Option(names = "--suite", required = true, paramLabel = "FILE", description = "eval suite (YAML)")
        Path suite;

        @Option(names = "--seed", defaultValue = "42", description = "bootstrap seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--samples", defaultValue = "10000", description = "bootstrap resamples (default: ${DEFAULT-VALUE})")
        int samples;

        @Option(names = "--by", paramLabel = "PERSON", defaultValue = "${sys:user.name}", description = "who compares (default: ${DEFAULT-VALUE})")
        String by;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        private final ModelRegistry registry;
        private final ModelComparison comparison;
        private final EvaluationService evaluation;
        private final VersionGenerators generators;

        Compare(ModelRegistry registry, ModelComparison comparison, EvaluationService evaluation, VersionGenerators generators) {
            this.registry = registry;
            this.comparison = comparison;
            this.evaluation = evaluation;
            this.generators = generators;
        }

        @Override
        public void run() {
            ModelRef a = ModelRef.parse(first);
            ModelRef b = ModelRef.parse(second);
            Comparison result = userErrors(() -> {
                ModelVersion versionA = registry.version(a.name(), a.version());
                ModelVersion versionB = registry.version(b.name(), b.version());
                EvalSuite loaded = evaluation.loadSuite(suite);
                return comparison.compare(versionA, versionB, loaded, generators.open(versionA), generators.open(versionB), by,
                        new ModelComparison.Settings(samples, seed, 0.95));
            });
            if (json) {
                Output.json(result);
                return;
            }
            Interval ci = result.meanScoreDifference();
            Output.line("comparison %d on %d cases: %s pass rate %.3f, %s pass rate %.3f", result.id(), result.caseCount(),
                    result.versionA(), result.passRateA(), result.versionB(), result.passRateB());
            Output.line("only %s passed: %d, only %s passed: %d; McNemar exact p = %.4g", result.versionA(), result.onlyAPassed(),
                    result.versionB(), result.onlyBPassed(), result.mcNemarP());
            Output.line("mean score difference (B - A) %.4f, %.0f%% bootstrap CI [%.4f, %.4f] (%d resamples, seed %d)", ci.mean(),
                    ci.level() * 100, ci.low(), ci.high(), ci.samples(), ci.seed());
            for (CaseDifference difference : result.cases()) {
                if (difference.passedA() != difference.passedB() || difference.difference() != 0.0) {
                    Output.line("  %-30s A %.3f %s  B %.3f %s", difference.caseName(), difference.scoreA(),
                            difference.passedA() ? "pass" : "FAIL", difference.scoreB(), difference.passedB() ? "pass" : "FAIL");
                }
            }
        }
    }

    private static String orDash(Integer value) {
        return value == null ? "-" : value.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
