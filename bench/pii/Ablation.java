import io.tunebatch.pii.EntityTypes;
import io.tunebatch.pii.PiiEngine;
import io.tunebatch.pii.PiiProperties;
import io.tunebatch.pii.PiiRecognizer;
import io.tunebatch.pii.PiiSpan;
import io.tunebatch.pii.recognizer.NameFinderRecognizer;
import io.tunebatch.pii.recognizer.PersonNameFinderEnsemble;
import io.tunebatch.pii.recognizer.PersonRecognizer;
import io.tunebatch.pii.recognizer.StandardRecognizers;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each PERSON piece contributes: the engine with the PERSON recognizer swapped, predictions
 * written per configuration (score them with score.py) and docs per CPU-second of one thread.
 *
 *   java -cp target/classes:$(cat target/pii-bench/cp.txt) bench/pii/Ablation.java GOLD.jsonl OUTDIR
 *
 * Configurations: lists (a run of capitalised words that are all known names, nothing else),
 * rules (the default PersonRecognizer: lists + capitalisation, context and cue rules), model (the
 * OpenNLP name finder alone), rules|model (union), ensemble (tunebatch.pii.name-finder: true).
 */
public class Ablation {

    public static void main(String[] args) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.isBlank()) {
                var node = json.readTree(line);
                ids.add(node.get("id").asString());
                texts.add(node.get("text").stringValue());
            }
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        Map<String, Supplier<List<PiiRecognizer>>> configurations = new LinkedHashMap<>();
        configurations.put("lists", () -> withPerson(new KnownNamesOnly()));
        configurations.put("rules", () -> withPerson(new PersonRecognizer()));
        configurations.put("model", () -> withPerson(NameFinderRecognizer.shipped()));
        configurations.put("rules|model", () -> {
            List<PiiRecognizer> all = withPerson(new PersonRecognizer());
            all.add(NameFinderRecognizer.shipped());
            return all;
        });
        configurations.put("ensemble", () -> withPerson(new PersonNameFinderEnsemble(new PersonRecognizer(),
                NameFinderRecognizer.shipped())));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (var configuration : configurations.entrySet()) {
            PiiEngine engine = PiiEngine.create(PiiProperties.defaults(), configuration.getValue().get());
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < texts.size(); i++) {
                List<Map<String, Object>> spans = new ArrayList<>();
                for (PiiSpan s : engine.detect(texts.get(i))) {
                    spans.add(Map.of("start", s.start(), "end", s.end(), "type", s.entityType(), "score", s.score()));
                }
                lines.append(json.writeValueAsString(Map.of("id", ids.get(i), "spans", spans))).append('\n');
            }
            String file = configuration.getKey().replace('|', '+') + ".jsonl";
            Files.writeString(out.resolve(file), lines);
            for (int warm = 0; warm < 3; warm++) {
                texts.forEach(engine::detect);
            }
            long cpu = threads.getCurrentThreadCpuTime();
            int passes = 5;
            for (int pass = 0; pass < passes; pass++) {
                texts.forEach(engine::detect);
            }
            double seconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            System.out.printf(Locale.ROOT, "%-12s %s  %,.0f docs per CPU-second%n", configuration.getKey(), out.resolve(file),
                    passes * texts.size() / seconds);
        }
    }

    /** The standard recognizers with {@code person} in place of the PERSON recognizer. */
    private static List<PiiRecognizer> withPerson(PiiRecognizer person) {
        List<PiiRecognizer> recognizers = new ArrayList<>(StandardRecognizers.create(PiiProperties.DEFAULT_PHONE_REGIONS, false, ""));
        recognizers.removeIf(r -> r.entityTypes().contains(EntityTypes.PERSON));
        recognizers.add(person);
        return recognizers;
    }

    /** Lists only: runs of capitalised words (title case or capitals) that are all in the shipped name lists. */
    static final class KnownNamesOnly implements PiiRecognizer {

        private static final Pattern RUN = Pattern.compile("\\p{Lu}[\\p{L}'-]+(?: \\p{Lu}[\\p{L}'-]+)*");
        private static final Set<String> NAMES = names();

        @Override
        public String name() {
            return "lists";
        }

        @Override
        public Set<String> entityTypes() {
            return Set.of(EntityTypes.PERSON);
        }

        @Override
        public void recognize(String text, List<PiiSpan> out) {
            Matcher m = RUN.matcher(text);
            while (m.find()) {
                boolean allKnown = true;
                for (String word : m.group().split(" ")) {
                    allKnown &= NAMES.contains(word.toUpperCase(Locale.ROOT));
                }
                if (allKnown) {
                    out.add(new PiiSpan(m.start(), m.end(), EntityTypes.PERSON, 0.7, name()));
                }
            }
        }

        private static Set<String> names() {
            Set<String> names = new java.util.HashSet<>();
            for (String list : List.of("first-names.txt", "ssa-first-names.txt", "last-names.txt")) {
                try (var in = Ablation.class.getResourceAsStream("/io/tunebatch/pii/names/" + list)) {
                    for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                        if (!line.isBlank() && !line.startsWith("#")) {
                            names.add(line.trim());
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return names;
        }
    }
}
