package io.tunebatch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * One LoRA training run in progress: the adapter, its optimizer and the position in the data.
 * Opening it on a checkpoint directory that holds a saved state continues from there; the data
 * order (a shuffle per epoch seeded from the run seed), dropout masks and learning rate depend only
 * on the seed and the step, so a resumed run makes exactly the updates an uninterrupted one makes.
 */
public final class TrainingSession implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TrainingSession.class);

    private final Transformer model;
    private final ModelTokenizer tokenizer;
    private final TrainingSettings settings;
    private final List<EncodedExample> examples;
    private final Path checkpointDirectory;
    private final String identity;
    private final LoraAdapter adapter;
    private final AdamW optimizer;
    private final int totalSteps;
    private final int resumedFromStep;
    private int step;
    private int cachedEpoch = -1;
    private List<Integer> cachedOrder;

    private TrainingSession(LanguageModel model, TrainingSettings settings, List<EncodedExample> examples,
                            Path checkpointDirectory, String identity) throws IOException {
        this.model = model.transformer();
        this.tokenizer = model.tokenizer();
        this.settings = settings;
        this.examples = examples;
        this.checkpointDirectory = checkpointDirectory;
        this.identity = identity;
        this.totalSteps = settings.totalSteps(examples.size());
        this.adapter = LoraAdapter.initialize(this.model, settings.lora(), LoraDropout.mix(settings.seed(), 1));
        this.adapter.requireGradients();
        this.optimizer = new AdamW(settings, adapter.parameters(), this.model.device());
        Optional<TrainerCheckpoint.Saved> saved = TrainerCheckpoint.load(checkpointDirectory, identity);
        if (saved.isPresent()) {
            restore(saved.get());
        }
        this.resumedFromStep = step;
    }

    /** Starts a run, or resumes the one whose state lies in {@code checkpointDirectory}. */
    public static TrainingSession open(LanguageModel model, List<TrainingExample> trainingExamples,
                                       TrainingSettings settings, Path checkpointDirectory) throws IOException {
        if (trainingExamples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        List<EncodedExample> encoded = trainingExamples.stream()
                .map(e -> EncodedExample.encode(model.tokenizer(), e, settings.maxSequenceLength()))
                .toList();
        long withoutAnswer = encoded.stream().filter(e -> e.answerTokens() == 0).count();
        if (withoutAnswer == encoded.size()) {
            throw new IllegalArgumentException("every example's prompt fills maxSequenceLength "
                    + settings.maxSequenceLength() + "; no answer token is left to learn from");
        }
        if (withoutAnswer > 0) {
            LOG.warn("{} of {} training examples have no answer token left within maxSequenceLength {}",
                    withoutAnswer, encoded.size(), settings.maxSequenceLength());
        }
        String identity = TrainerCheckpoint.runIdentity(settings, fingerprint(trainingExamples));
        return new TrainingSession(model, settings, encoded, checkpointDirectory, identity);
    }

    /** SHA-256 over the examples' text, so a resume on other data is refused without storing the data. */
    static String fingerprint(List<TrainingExample> examples) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (TrainingExample example : examples) {
                for (String part : List.of(example.instruction(), example.input(), example.output())) {
                    digest.update(part.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void restore(TrainerCheckpoint.Saved saved) {
        String source = saved.directory().toString();
        adapter.parameters().forEach((name, parameter) -> {
            HostTensor value = saved.tensors().get("lora." + name);
            if (value == null || value.size() != parameter.getShape().size()) {
                throw new CheckpointException(source + ": LoRA weight " + name + " is missing or has the wrong size");
            }
            parameter.set(value.values());
        });
        optimizer.restore(saved.tensors(), saved.step(), source);
        step = saved.step();
    }

    public boolean finished() {
        return step >= totalSteps;
    }

    /** Updates made so far. */
    public int step() {
        return step;
    }

    public int totalSteps() {
        return totalSteps;
    }

    public int resumedFromStep() {
        return resumedFromStep;
    }

    public LoraAdapter adapter() {
        return adapter;
    }

    /** Runs the micro-batches of one optimizer step and makes the update. */
    public StepMetrics runStep() {
        long started = System.nanoTime();
        List<TrainingBatch> microBatches = microBatches(step);
        int answerTokens = Math.max(1, microBatches.stream().mapToInt(TrainingBatch::answerTokens).sum());
        double lossSum = 0;
        for (int i = 0; i < microBatches.size(); i++) {
            TrainingBatch batch = microBatches.get(i);
            try (NDManager call = model.newCallManager(); Autograd autograd = Autograd.record()) {
                ForwardPass pass = model.pass(call, 0, batch.length(), adapter,
                        new LoraDropout(settings.lora().dropout(), settings.seed(), step, i), null);
                NDArray loss;
                // the forward's intermediates are released before backward, so autograd alone holds
                // what backward needs and frees each as it goes, as PyTorch does
                try (NDManager forward = call.newSubManager()) {
                    NDArray logits = model.forward(forward.create(batch.ids()), pass, false);
                    loss = batch.lossSum(call, logits);
                    loss.attach(call);
                }
                lossSum += loss.getFloat();
                autograd.backward(loss.div(Scalars.of(call, answerTokens)));
            }
        }
        double learningRate = settings.schedule().at(settings.learningRate(), step, settings.warmupSteps(), totalSteps);
        double gradientNorm = optimizer.step(learningRate);
        step++;
        int tokens = microBatches.stream().mapToInt(TrainingBatch::realTokens).sum();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new StepMetrics(step, (double) step * settings.examplesPerStep() / examples.size(),
                lossSum / answerTokens, learningRate, gradientNorm, tokens, tokens / seconds);
    }

    private List<TrainingBatch> microBatches(int forStep) {
        List<TrainingBatch> batches = new ArrayList<>();
        long first = (long) forStep * settings.examplesPerStep();
        for (int micro = 0; micro < settings.gradientAccumulationSteps(); micro++) {
            List<EncodedExample> chosen = new ArrayList<>();
            for (int i = 0; i < settings.batchSize(); i++) {
                chosen.add(exampleAt(first + (long) micro * settings.batchSize() + i));
            }
            batches.add(TrainingBatch.of(chosen, tokenizer.padId()));
        }
        return batches;
    }

    /** The example at a position of the endless stream of epochs, each its own seeded shuffle. */
    private EncodedExample exampleAt(long position) {
        int epoch = (int) (position / examples.size());
        if (epoch != cachedEpoch) {
            List<Integer> order = new ArrayList<>(IntStream.range(0, examples.size()).boxed().toList());
            Collections.shuffle(order, new Random(LoraDropout.mix(settings.seed(), 1000L + epoch)));
            cachedOrder = order;
            cachedEpoch = epoch;
        }
        return examples.get(cachedOrder.get((int) (position % examples.size())));
    }

    /** Saves the resumable state; returns its folder. */
    public Path saveCheckpoint() throws IOException {
        Map<String, HostTensor> tensors = new TreeMap<>(optimizer.moments());
        adapter.toHostTensors().forEach((name, value) -> tensors.put("lora." + name, value));
        return TrainerCheckpoint.save(checkpointDirectory, step, identity, tensors);
    }

    /** Mean answer-token loss over examples, without dropout or gradients. */
    public double evaluate(List<TrainingExample> heldOut) {
        double lossSum = 0;
        long tokens = 0;
        for (int start = 0; start < heldOut.size(); start += settings.batchSize()) {
            List<EncodedExample> chunk = heldOut.subList(start, Math.min(heldOut.size(), start + settings.batchSize()))
                    .stream().map(e -> EncodedExample.encode(tokenizer, e, settings.maxSequenceLength())).toList();
            TrainingBatch batch = TrainingBatch.of(chunk, tokenizer.padId());
            try (NDManager call = model.newCallManager()) {
                ForwardPass pass = model.pass(call, 0, batch.length(), adapter, null, null);
                lossSum += batch.lossSum(call, model.forward(call.create(batch.ids()), pass, false)).getFloat();
                tokens += batch.answerTokens();
            }
        }
        return tokens == 0 ? Double.NaN : lossSum / tokens;
    }

    @Override
    public void close() {
        optimizer.close();
        adapter.close();
    }
}
