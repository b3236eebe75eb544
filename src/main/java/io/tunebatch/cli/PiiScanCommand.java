package io.tunebatch.cli;

import io.tunebatch.pii.PiiDetector;
import io.tunebatch.pii.PiiSpan;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code pii scan --in FILE.jsonl --out FILE.jsonl}: one {@code {"id","text"}} object per input
 * line, one {@code {"id","spans":[{"start","end","type","score"}]}} per output line, in input order,
 * offsets in Java chars. A bad line stops the scan with its file and line number; the text itself
 * is never printed.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan {\"id\",\"text\"} JSONL lines and write the detected PII spans as JSONL.")
public class PiiScanCommand implements Runnable {

    private static final int BATCH = 4096;
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Option(names = "--in", required = true, description = "input JSONL, one {\"id\",\"text\"} per line")
    Path in;

    @Option(names = "--out", required = true, description = "output JSONL, one {\"id\",\"spans\"} per line")
    Path out;

    @Option(names = "--threads", description = "worker threads (default: all cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--json", description = "print a JSON summary")
    boolean json;

    private final PiiDetector detector;

    public PiiScanCommand(PiiDetector detector) {
        this.detector = detector;
    }

    @Override
    public void run() {
        if (threads < 1) {
            throw new UserError("--threads must be at least 1");
        }
        if (!Files.isReadable(in)) {
            throw new UserError("cannot read --in " + in + "; check the path and its permissions");
        }
        if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new UserError("--out must differ from --in (" + in + "); writing would truncate the input");
        }
        Map<String, Integer> byType = new TreeMap<>();
        long documents = 0;
        long spans = 0;
        long started = System.nanoTime();
        long lastProgress = started;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
             BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            long lineNo = 0;
            List<String> batch = new ArrayList<>(BATCH);
            boolean more = true;
            while (more) {
                batch.clear();
                long firstLine = lineNo + 1;
                String line;
                while (batch.size() < BATCH && (line = readLine(reader, lineNo + 1)) != null) {
                    lineNo++;
                    batch.add(line);
                }
                more = batch.size() == BATCH;
                for (Result result : scan(pool, batch, firstLine)) {
                    if (result == null) {
                        continue;
                    }
                    writer.write(result.json());
                    writer.write('\n');
                    documents++;
                    spans += result.spans().size();
                    result.spans().forEach(s -> byType.merge(s.entityType(), 1, Integer::sum));
                }
                long now = System.nanoTime();
                if (now - lastProgress > PROGRESS_EVERY_NANOS) {
                    lastProgress = now;
                    Output.progress("pii scan: %,d documents, %,.0f docs/s", documents, documents / seconds(started, now));
                }
            }
        } catch (NoSuchFileException e) {
            throw new UserError("cannot write --out " + out + ": its folder does not exist");
        } catch (IOException e) {
            throw new UserError("I/O error on " + in + " or " + out + ": " + e.getClass().getSimpleName());
        } finally {
            pool.shutdownNow();
        }
        double elapsed = seconds(started, System.nanoTime());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("in", in.toString());
        summary.put("out", out.toString());
        summary.put("documents", documents);
        summary.put("spans", spans);
        summary.put("spansByType", byType);
        summary.put("threads", threads);
        summary.put("seconds", Math.round(elapsed * 1000) / 1000.0);
        summary.put("docsPerSecond", Math.round(documents / Math.max(elapsed, 1e-9)));
        if (json) {
            Output.json(summary);
        } else {
            Output.line("scanned %,d documents in %.2f s (%,.0f docs/s, %d threads): %,d spans %s",
                    documents, elapsed, documents / Math.max(elapsed, 1e-9), threads, spans, byType);
        }
    }

    private String readLine(BufferedReader reader, long lineNo) throws IOException {
        try {
            return reader.readLine();
        } catch (CharacterCodingException e) {
            throw new UserError(in + " line " + lineNo + ": not valid UTF-8");
        }
    }

    private List<Result> scan(ExecutorService pool, List<String> lines, long firstLine) {
        int slices = Math.min(threads, Math.max(1, lines.size()));
        int per = (lines.size() + slices - 1) / slices;
        List<Future<List<Result>>> futures = new ArrayList<>(slices);
        for (int from = 0; from < lines.size(); from += per) {
            int start = from;
            int end = Math.min(lines.size(), from + per);
            futures.add(pool.submit(() -> {
                List<Result> results = new ArrayList<>(end - start);
                for (int i = start; i < end; i++) {
                    results.add(scanLine(lines.get(i), firstLine + i));
                }
                return results;
            }));
        }
        List<Result> all = new ArrayList<>(lines.size());
        for (Future<List<Result>> future : futures) {
            try {
                all.addAll(future.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UserError userError) {
                    throw userError;
                }
                throw new IllegalStateException("pii scan worker failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserError("pii scan interrupted");
            }
        }
        return all;
    }

    /** Null for a blank line. */
    private Result scanLine(String line, long lineNo) {
        if (line.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            // Jackson's message quotes the input, which may be PII: name the place only
            throw new UserError(in + " line " + lineNo + ": not valid JSON; each line must be one {\"id\",\"text\"} object");
        }
        if (node == null || !node.isObject()) {
            throw new UserError(in + " line " + lineNo + ": expected a JSON object {\"id\",\"text\"}");
        }
        JsonNode id = node.get("id");
        if (id == null || !(id.isString() || id.isIntegralNumber())) {
            throw new UserError(in + " line " + lineNo + ": field \"id\" is missing or not a string or integer");
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isString()) {
            throw new UserError(in + " line " + lineNo + ": field \"text\" is missing or not a string");
        }
        List<PiiSpan> spans = detector.detect(text.stringValue());
        StringBuilder json = new StringBuilder(64 + 64 * spans.size());
        json.append("{\"id\":").append(JSON.writeValueAsString(id)).append(",\"spans\":[");
        for (int i = 0; i < spans.size(); i++) {
            PiiSpan s = spans.get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"start\":").append(s.start())
                    .append(",\"end\":").append(s.end())
                    .append(",\"type\":\"").append(s.entityType())
                    .append("\",\"score\":").append(String.format(Locale.ROOT, "%.4f", s.score()))
                    .append('}');
        }
        return new Result(json.append("]}").toString(), spans);
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private record Result(String json, List<PiiSpan> spans) {
    }
}
