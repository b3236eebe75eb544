import io.tunebatch.pii.PiiEngine;
import io.tunebatch.pii.PiiProperties;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.json.JsonMapper;

/**
 * Engine throughput on the texts of a JSONL file, after warm-up: one thread (wall clock and that
 * thread's CPU time, which stays honest on a shared machine) and all cores.
 *
 *   java -cp target/classes:$(cat target/pii-bench/cp.txt) bench/pii/Throughput.java FILE.jsonl [PASSES]
 */
public class Throughput {

    public static void main(String[] args) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.isBlank()) {
                texts.add(json.readTree(line).get("text").stringValue());
            }
        }
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        PiiEngine engine = PiiEngine.create(PiiProperties.defaults());
        long spans = 0;
        for (int warm = 0; warm < 5; warm++) {
            for (String text : texts) {
                spans += engine.detect(text).size();
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        for (int pass = 0; pass < passes; pass++) {
            for (String text : texts) {
                spans += engine.detect(text).size();
            }
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        long docs = (long) texts.size() * passes;
        System.out.printf("documents per pass: %d, passes: %d, mean length: %.0f chars%n", texts.size(), passes,
                texts.stream().mapToInt(String::length).average().orElse(0));
        System.out.printf("one thread: %,.0f docs/s wall, %,.0f docs per CPU-second%n", docs / wall, docs / cpu);

        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        List<Future<Long>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < cores; t++) {
            futures.add(pool.submit(() -> {
                long n = 0;
                for (int pass = 0; pass < passes; pass++) {
                    for (String text : texts) {
                        n += engine.detect(text).size();
                    }
                }
                return n;
            }));
        }
        for (Future<Long> f : futures) {
            spans += f.get();
        }
        double allWall = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("all %d cores: %,.0f docs/s wall%n", cores, docs * cores / allWall);
        System.out.printf("load average at the end: %.1f (spans seen: %d)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), spans);
    }
}
