package io.tunebatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The source reader on real files: good records, and every kind of bad one, each with its line and reason. */
class SourceParsingTest {

    @TempDir
    Path dir;

    @Test
    void jsonlRecordsAndBadLinesAreAllAccountedForWithLineNumbers() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("{\"instruction\":\"i1\",\"output\":\"o1\"}\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));                                   // blank: not a record
        bytes.writeBytes("{\"instruction\": \"Jane Roe\", broken\n".getBytes(StandardCharsets.UTF_8)); // malformed
        bytes.writeBytes(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'}); // bad UTF-8
        bytes.writeBytes("[1,2]\n".getBytes(StandardCharsets.UTF_8));                             // not an object
        bytes.writeBytes(("{\"x\":\"" + "y".repeat(300) + "\"}\n").getBytes(StandardCharsets.UTF_8)); // oversize
        bytes.writeBytes("{\"a\":1,\"a\":2}\n".getBytes(StandardCharsets.UTF_8));                // duplicate key
        bytes.writeBytes("{\"instruction\":\"last\",\"output\":\"line\"}".getBytes(StandardCharsets.UTF_8)); // no final newline
        Path file = dir.resolve("a.jsonl");
        Files.write(file, bytes.toByteArray());

        List<ReadRecord> records = readAll(List.of(file), 200);

        assertThat(records).hasSize(7);
        assertThat(records).extracting(r -> r.location().lineNumber()).containsExactly(1L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(records).extracting(r -> r.location().recordNumber()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(records.get(0)).isInstanceOf(ReadRecord.Parsed.class);
        assertThat(reason(records.get(1))).startsWith("malformed JSON at column").doesNotContain("Jane");
        assertThat(reason(records.get(2))).isEqualTo("invalid UTF-8 byte sequence at byte 7");
        assertThat(reason(records.get(3))).isEqualTo("expected a JSON object, found array");
        assertThat(reason(records.get(4))).startsWith("record exceeds the limit of 200 bytes");
        assertThat(reason(records.get(5))).startsWith("malformed JSON");
        assertThat(((ReadRecord.Parsed) records.get(6)).fields()).containsEntry("instruction", "last");
    }

    @Test
    void csvHandlesQuotedCommasNewlinesAndReportsBadRecords() throws Exception {
        Path file = dir.resolve("b.csv");
        Files.writeString(file, String.join("\n",
                "source_document_id,instruction,output",
                "d1,\"Hello, world\",\"two",
                "lines with \"\"quotes\"\"\"",
                "d2,too,many,columns",
                "d3,ok,fine",
                "d4,\"never closed,x") + "\n");

        List<ReadRecord> records = readAll(List.of(file), 10_000);

        assertThat(records).hasSize(4);
        ReadRecord.Parsed first = (ReadRecord.Parsed) records.get(0);
        assertThat(first.fields()).containsEntry("instruction", "Hello, world")
                .containsEntry("output", "two\nlines with \"quotes\"");
        assertThat(first.location().lineNumber()).isEqualTo(2);
        assertThat(reason(records.get(1))).isEqualTo("expected 3 columns as in the header, found 4");
        assertThat(records.get(1).location().lineNumber()).isEqualTo(4);
        assertThat(((ReadRecord.Parsed) records.get(2)).fields()).containsEntry("source_document_id", "d3");
        assertThat(reason(records.get(3))).isEqualTo("unterminated quoted field (opened on line 6)");
    }

    @Test
    void unreadableAndUnsupportedFilesBecomeOneRejectionEach() throws Exception {
        Path dangling = dir.resolve("gone.jsonl");
        Files.createSymbolicLink(dangling, dir.resolve("does-not-exist.jsonl"));
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");

        List<ReadRecord> records = readAll(List.of(dangling, text), 1000);

        assertThat(records).hasSize(2);
        assertThat(reason(records.get(0))).isEqualTo("unreadable file: NoSuchFileException");
        assertThat(records.get(0).location().recordNumber()).isZero();
        assertThat(reason(records.get(1))).startsWith("unsupported file type");
    }

    @Test
    void readerResumesAfterTheLastSavedPositionAcrossFiles() throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Files.writeString(a, "{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n");
        Files.writeString(b, "{\"n\":4}\n{\"n\":5}\n");
        SourceRecordReader first = new SourceRecordReader(List.of(a, b), 1000);
        ExecutionContext context = new ExecutionContext();
        first.open(context);
        for (int i = 0; i < 4; i++) {
            first.read();
        }
        first.update(context);
        first.close();

        SourceRecordReader resumed = new SourceRecordReader(List.of(a, b), 1000);
        resumed.open(context);
        ReadRecord next = resumed.read();
        assertThat(((ReadRecord.Parsed) next).fields()).containsEntry("n", 5);
        assertThat(resumed.read()).isNull();
        resumed.close();
    }

    @Test
    void sourcesResolveFromFileDirectoryAndGlobInSortedOrder() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("b.jsonl"), "");
        Files.writeString(dir.resolve("a.csv"), "");
        Files.writeString(dir.resolve("README.md"), "");
        Files.writeString(dir.resolve("sub/c.jsonl"), "");

        assertThat(SourceFiles.resolve(dir.toString())).extracting(p -> p.getFileName().toString())
                .containsExactly("a.csv", "b.jsonl");
        assertThat(SourceFiles.resolve(dir + "/**.jsonl")).extracting(p -> p.getFileName().toString())
                .containsExactly("b.jsonl", "c.jsonl");
        assertThat(SourceFiles.resolve(dir.resolve("a.csv").toString())).hasSize(1);
    }

    private static List<ReadRecord> readAll(List<Path> files, int maxBytes) throws Exception {
        SourceRecordReader reader = new SourceRecordReader(files, maxBytes);
        reader.open(new ExecutionContext());
        List<ReadRecord> records = new ArrayList<>();
        for (ReadRecord r = reader.read(); r != null; r = reader.read()) {
            records.add(r);
        }
        reader.close();
        return records;
    }

    private static String reason(ReadRecord record) {
        assertThat(record).isInstanceOf(ReadRecord.Unreadable.class);
        return ((ReadRecord.Unreadable) record).reason();
    }
}
