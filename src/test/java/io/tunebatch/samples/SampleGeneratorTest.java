package io.tunebatch.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class SampleGeneratorTest {

    private static final int OVERSIZE = 8_192;

    @TempDir
    Path tmp;

    @Test
    void sameSeedGivesByteIdenticalFilesAndGroundTruth() throws IOException {
        Path first = generate("first", 240, 7, SampleFormat.BOTH, true);
        Path second = generate("second", 240, 7, SampleFormat.BOTH, true);

        Map<String, byte[]> firstFiles = contents(first);
        assertThat(firstFiles).hasSize(3 + 6);
        Map<String, byte[]> secondFiles = contents(second);
        assertThat(secondFiles.keySet()).isEqualTo(firstFiles.keySet());
        firstFiles.forEach((name, bytes) -> assertThat(secondFiles.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void differentSeedGivesDifferentFiles() throws IOException {
        Map<String, byte[]> seven = contents(generate("seven", 60, 7, SampleFormat.JSONL, false));
        Map<String, byte[]> eight = contents(generate("eight", 60, 8, SampleFormat.JSONL, false));

        seven.forEach((name, bytes) -> {
            if (!name.endsWith(".planted.jsonl")) {
                assertThat(eight.get(name)).as(name).isNotEqualTo(bytes);
            }
        });
    }

    @Test
    void wellFormedRecordsDependOnlyOnSeedAndCountNotOnFormatOrMalformedLines() throws IOException {
        Path jsonl = generate("jsonl", 150, 3, SampleFormat.JSONL, false);
        Path csv = generate("csv", 150, 3, SampleFormat.CSV, true);

        for (String domain : List.of("support-tickets", "bank-chats", "clinical-notes")) {
            List<Map<String, String>> fromJsonl = fields(SampleFile.read(jsonl.resolve(domain + ".jsonl"), OVERSIZE));
            List<Map<String, String>> fromCsv = fields(SampleFile.read(csv.resolve(domain + ".csv"), OVERSIZE));
            assertThat(fromCsv).as(domain).hasSize(50).isEqualTo(fromJsonl);
        }
    }

    @Test
    void recordsAreSplitEvenlyOverTheDomainsAndCounted() throws IOException {
        GenerationSummary summary = new SampleGenerator().generate(
                new GeneratorOptions(tmp.resolve("split"), 100, 1, SampleFormat.BOTH, true, OVERSIZE, true));

        assertThat(summary.files()).extracting(GenerationSummary.FileSummary::records).containsExactly(34L, 33L, 33L);
        assertThat(summary.files()).extracting(GenerationSummary.FileSummary::malformedLines)
                .containsExactly(5L, 4L, 5L);
        for (GenerationSummary.FileSummary file : summary.files()) {
            Path path = tmp.resolve("split").resolve(file.file());
            assertThat(Files.size(path)).isEqualTo(file.bytes());
            SampleFile read = SampleFile.read(path, OVERSIZE);
            assertThat(read.wellFormed()).hasSize((int) file.records());
            assertThat(read.entries()).hasSize((int) (file.records() + file.malformedLines()));
            GroundTruth truth = GroundTruth.of(tmp.resolve("split"), file.file());
            assertThat(truth.pii()).hasSize((int) file.piiValues());
            assertThat(truth.values()).hasSize((int) (file.piiValues() + file.hardNegatives()));
        }
    }

    @Test
    void groundTruthOffsetsLocateEveryPlantedValueAndEveryOccurrenceOfPii() throws IOException {
        Path out = generate("truth", 600, 11, SampleFormat.BOTH, true);

        for (String dataFile : SampleGenerator.fileNames(SampleFormat.BOTH)) {
            SampleFile file = SampleFile.read(out.resolve(dataFile), OVERSIZE);
            GroundTruth truth = GroundTruth.of(out, dataFile);
            Map<String, List<int[]>> spansByRecordField = new HashMap<>();
            for (JsonNode value : truth.values()) {
                SampleFile.Entry entry = file.at(value.get("record").longValue());
                assertThat(entry.defect()).isNull();
                assertThat(entry.line()).isEqualTo(value.get("line").longValue());
                assertThat(entry.fields().get("source_document_id"))
                        .isEqualTo(value.get("source_document_id").stringValue());
                String text = entry.fields().get(value.get("field").stringValue());
                int start = value.get("start").intValue();
                int end = value.get("end").intValue();
                assertThat(text.substring(start, end)).isEqualTo(value.get("value").stringValue());
                spansByRecordField.computeIfAbsent(entry.record() + "/" + value.get("field").stringValue(),
                        key -> new ArrayList<>()).add(new int[] {start, end});
            }
            // no PII value of a record turns up anywhere in its fields except inside a listed span
            for (JsonNode value : truth.pii()) {
                SampleFile.Entry entry = file.at(value.get("record").longValue());
                for (String field : List.of("instruction", "input", "output")) {
                    String text = entry.fields().get(field);
                    List<int[]> spans = spansByRecordField.getOrDefault(entry.record() + "/" + field, List.of());
                    for (int at = text.indexOf(value.get("value").stringValue()); at >= 0;
                         at = text.indexOf(value.get("value").stringValue(), at + 1)) {
                        int found = at;
                        assertThat(spans).as("%s record %d %s", dataFile, entry.record(), field)
                                .anyMatch(span -> span[0] <= found && found < span[1]);
                    }
                }
            }
        }
    }

    @Test
    void plantedPiiIsStructurallyValidAndHardNegativesAreWhatTheyClaim() throws IOException {
        Path out = generate("valid", 900, 5, SampleFormat.JSONL, false);
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        Map<String, Long> byType = new TreeMap<>();

        for (String dataFile : SampleGenerator.fileNames(SampleFormat.JSONL)) {
            for (JsonNode planted : GroundTruth.of(out, dataFile).values()) {
                String type = planted.get("type").stringValue();
                String value = planted.get("value").stringValue();
                byType.merge(type, 1L, Long::sum);
                switch (type) {
                    case "US_SSN" -> assertThat(validSsn(value)).as(value).isTrue();
                    case "CREDIT_CARD" -> assertThat(validCard(value)).as(value).isTrue();
                    case "PHONE_NUMBER" -> assertThat(validPhone(phones, value)).as(value).isTrue();
                    case "EMAIL_ADDRESS" -> assertThat(value).matches("[a-z._0-9]+@([a-z]+\\.)+(com|org|net)");
                    case "PERSON" -> assertThat(value).matches("\\p{Lu}[\\p{L}']+( \\p{Lu}[\\p{L}']+)?");
                    case "ISBN" -> {
                        String digits = value.replace("-", "");
                        assertThat(digits).hasSize(13).startsWith("97");
                        assertThat(HardNegatives.isbnCheckDigit(digits)).isEqualTo(digits.charAt(12) - '0');
                        assertThat(luhnValid(digits)).as("an ISBN that passes Luhn is not a fair negative").isFalse();
                    }
                    case "ORDER_NUMBER", "VERSION", "TRACKING_CODE", "DATE" ->
                            assertThat(value).matches("[#0-9A-Za-z.,/ -]+");
                    default -> throw new AssertionError("unknown planted type " + type);
                }
            }
        }
        assertThat(byType.keySet()).containsExactlyInAnyOrder("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "US_SSN",
                "CREDIT_CARD", "ORDER_NUMBER", "VERSION", "ISBN", "TRACKING_CODE", "DATE");
    }

    @Test
    void malformedLinesAreExactlyTheLinesAStrictReaderRejects() throws IOException {
        Path out = generate("malformed", 300, 13, SampleFormat.BOTH, true);

        for (String dataFile : SampleGenerator.fileNames(SampleFormat.BOTH)) {
            SampleFile file = SampleFile.read(out.resolve(dataFile), OVERSIZE);
            Map<Long, String> planted = GroundTruth.of(out, dataFile).plantings("malformed").stream()
                    .collect(Collectors.toMap(p -> p.get("record").longValue(),
                            p -> p.get("malformation").stringValue()));
            Map<Long, String> rejected = file.entries().stream().filter(entry -> entry.defect() != null)
                    .collect(Collectors.toMap(SampleFile.Entry::record, SampleFile.Entry::defect));

            assertThat(rejected).as(dataFile).isEqualTo(planted);
            List<String> expectedKinds = (dataFile.endsWith(".csv") ? new CsvFormat() : new JsonlFormat())
                    .malformations().stream().map(Malformation::label).toList();
            assertThat(planted.values()).as(dataFile).containsExactlyInAnyOrderElementsOf(expectedKinds);
        }
    }

    @Test
    void malformedLinesCarryTheDefectTheyClaimAndNothingElse() throws IOException {
        Path out = generate("defects", 90, 17, SampleFormat.JSONL, true);
        SampleFile file = SampleFile.read(out.resolve("support-tickets.jsonl"), OVERSIZE);

        for (JsonNode planted : GroundTruth.of(out, "support-tickets.jsonl").plantings("malformed")) {
            byte[] line = file.at(planted.get("record").longValue()).bytes();
            String text = SampleFile.decodeStrictly(line);
            switch (planted.get("malformation").stringValue()) {
                case "invalid_utf8" -> {
                    assertThat(text).isNull();
                    String latin1 = new String(line, java.nio.charset.StandardCharsets.ISO_8859_1);
                    assertThat(latin1).contains("caf\u00E9 au lait");
                }
                case "oversize" -> assertThat(line.length).isBetween(OVERSIZE, OVERSIZE + 200);
                case "broken_json" -> assertThat(text).doesNotEndWith("}\n");
                case "missing_required_field" ->
                        assertThat(text.contains("\"output\"") && text.contains("\"instruction\"")).isFalse();
                case "wrong_type" -> assertThat(text).containsPattern("\"instruction\":\\d+|\"output\":\\[");
                default -> throw new AssertionError(planted);
            }
            // the rejected line's PII is listed, so tests can check it never reaches logs
            for (JsonNode value : planted.get("pii_values")) {
                assertThat(new String(line, java.nio.charset.StandardCharsets.UTF_8)).contains(value.stringValue());
            }
        }
    }

    @Test
    void withoutMalformedEveryLineIsWellFormed() throws IOException {
        Path out = generate("clean", 300, 19, SampleFormat.BOTH, false);

        for (String dataFile : SampleGenerator.fileNames(SampleFormat.BOTH)) {
            SampleFile file = SampleFile.read(out.resolve(dataFile), OVERSIZE);
            assertThat(file.entries()).allMatch(entry -> entry.defect() == null);
            assertThat(GroundTruth.of(out, dataFile).plantings("malformed")).isEmpty();
        }
    }

    @Test
    void duplicatesRepeatTheContentOfAnotherDocumentAndNearDuplicatesDifferOnlyInCaseOrSpacing() throws IOException {
        Path out = generate("dups", 1500, 23, SampleFormat.BOTH, true);
        int exact = 0;
        int near = 0;
        boolean acrossSystems = false;

        for (String dataFile : SampleGenerator.fileNames(SampleFormat.BOTH)) {
            SampleFile file = SampleFile.read(out.resolve(dataFile), OVERSIZE);
            Map<String, Map<String, String>> byDocument = file.wellFormed().stream()
                    .collect(Collectors.toMap(entry -> entry.fields().get("source_document_id"),
                            SampleFile.Entry::fields));
            GroundTruth truth = GroundTruth.of(out, dataFile);
            for (JsonNode planted : truth.plantings()) {
                String kind = planted.get("kind").stringValue();
                if (!planted.has("duplicate_of")) {
                    continue;
                }
                Map<String, String> copy = byDocument.get(planted.get("source_document_id").stringValue());
                Map<String, String> original = byDocument.get(planted.get("duplicate_of").stringValue());
                assertThat(copy.get("source_document_id")).isNotEqualTo(original.get("source_document_id"));
                if (kind.equals("exact_duplicate")) {
                    exact++;
                    assertThat(content(copy)).isEqualTo(content(original));
                    acrossSystems |= !copy.get("source_system").equals(original.get("source_system"));
                } else {
                    near++;
                    assertThat(content(copy)).isNotEqualTo(content(original));
                    assertThat(normalized(content(copy))).isEqualTo(normalized(content(original)));
                }
            }
            // every pair of equal contents is a planted duplicate: nothing collides by accident
            Map<List<String>, Long> contents = file.wellFormed().stream()
                    .collect(Collectors.groupingBy(entry -> content(entry.fields()), Collectors.counting()));
            long repeats = contents.values().stream().mapToLong(n -> n - 1).sum();
            assertThat(repeats).as(dataFile).isEqualTo(truth.plantings("exact_duplicate").size());
        }
        assertThat(exact).isGreaterThan(20);
        assertThat(near).isGreaterThan(5);
        assertThat(acrossSystems).isTrue();
    }

    @Test
    void shortAndEmptyFieldsAreWhereTheGroundTruthSays() throws IOException {
        Path out = generate("short", 600, 29, SampleFormat.JSONL, false);

        for (String dataFile : SampleGenerator.fileNames(SampleFormat.JSONL)) {
            SampleFile file = SampleFile.read(out.resolve(dataFile), OVERSIZE);
            GroundTruth truth = GroundTruth.of(out, dataFile);
            Set<Long> shortOnes = records(truth.plantings("short_output"));
            Set<Long> emptyOutputs = records(truth.plantings("empty_output"));
            for (SampleFile.Entry entry : file.wellFormed()) {
                int words = wordCount(entry.fields().get("output"));
                if (shortOnes.contains(entry.record())) {
                    assertThat(words).isBetween(1, 9);
                } else if (emptyOutputs.contains(entry.record())) {
                    assertThat(entry.fields().get("output")).isEmpty();
                } else {
                    assertThat(words).as("%s record %d", dataFile, entry.record()).isGreaterThanOrEqualTo(10);
                }
            }
            for (JsonNode blank : truth.plantings("blank_instruction")) {
                assertThat(file.at(blank.get("record").longValue()).fields().get("instruction")).isBlank();
            }
            for (JsonNode empty : truth.plantings("empty_input")) {
                assertThat(file.at(empty.get("record").longValue()).fields().get("input")).isEmpty();
            }
            assertThat(shortOnes).isNotEmpty();
        }
    }

    private Path generate(String name, long records, long seed, SampleFormat format, boolean malformed)
            throws IOException {
        Path out = tmp.resolve(name);
        new SampleGenerator().generate(new GeneratorOptions(out, records, seed, format, malformed, OVERSIZE, true));
        return out;
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(path).toString(), Files.readAllBytes(path));
            }
        }
        return files;
    }

    private static List<Map<String, String>> fields(SampleFile file) {
        return file.wellFormed().stream().map(SampleFile.Entry::fields).toList();
    }

    private static List<String> content(Map<String, String> fields) {
        return List.of(fields.get("instruction"), fields.get("input"), fields.get("output"));
    }

    private static List<String> normalized(List<String> content) {
        return content.stream().map(text -> text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)).toList();
    }

    private static Set<Long> records(List<JsonNode> plantings) {
        return plantings.stream().map(p -> p.get("record").longValue()).collect(Collectors.toSet());
    }

    private static int wordCount(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    private static boolean validSsn(String value) {
        String digits = value.replaceAll("[ -]", "");
        if (!value.matches("\\d{3}([- ]?)\\d{2}\\1\\d{4}") || digits.length() != 9) {
            return false;
        }
        int area = Integer.parseInt(digits.substring(0, 3));
        int group = Integer.parseInt(digits.substring(3, 5));
        int serial = Integer.parseInt(digits.substring(5));
        return area > 0 && area != 666 && area < 900 && group > 0 && serial > 0;
    }

    private static boolean validCard(String value) {
        String digits = value.replaceAll("[ -]", "");
        boolean amex = digits.matches("3[47]\\d{13}");
        boolean sixteen = digits.matches("(4|5[1-5]|6011)\\d+") && digits.length() == 16;
        return (amex || sixteen) && luhnValid(digits);
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = digits.length() - 1, doubled = 0; i >= 0; i--, doubled ^= 1) {
            int digit = digits.charAt(i) - '0';
            sum += doubled == 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
        }
        return sum % 10 == 0;
    }

    private static boolean validPhone(PhoneNumberUtil phones, String value) {
        try {
            return phones.isValidNumber(phones.parse(value, "US"));
        } catch (NumberParseException e) {
            return false;
        }
    }
}
