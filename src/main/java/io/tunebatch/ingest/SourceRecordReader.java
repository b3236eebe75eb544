package io.tunebatch.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads every record of every source file in order. Its position (file index, records consumed
 * in that file) is saved with each chunk, so a restart resumes at the first uncommitted record.
 * A file that cannot be opened or has an unknown format yields one {@link ReadRecord.Unreadable}.
 */
public final class SourceRecordReader implements ItemStreamReader<ReadRecord> {

    private static final String FILE_INDEX = "ingest.file.index";
    private static final String RECORDS_IN_FILE = "ingest.file.records";

    private final List<Path> files;
    private final int maxRecordBytes;
    private int fileIndex;
    private long recordsInFile;
    private RecordParser parser;

    public SourceRecordReader(List<Path> files, int maxRecordBytes) {
        this.files = files;
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public void open(ExecutionContext context) {
        fileIndex = context.getInt(FILE_INDEX, 0);
        long resumeAt = context.getLong(RECORDS_IN_FILE, 0L);
        recordsInFile = 0;
        try {
            while (recordsInFile < resumeAt && readFromCurrentFile() != null) {
                // skip what earlier executions committed
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot resume in " + files.get(fileIndex), e);
        }
    }

    @Override
    public ReadRecord read() throws IOException {
        while (fileIndex < files.size()) {
            ReadRecord next = readFromCurrentFile();
            if (next != null) {
                return next;
            }
            closeParser();
            fileIndex++;
            recordsInFile = 0;
        }
        return null;
    }

    private ReadRecord readFromCurrentFile() throws IOException {
        if (fileIndex >= files.size()) {
            return null;
        }
        if (parser == null) {
            if (recordsInFile > 0) {
                return null;
            }
            Path file = files.get(fileIndex);
            ReadRecord failure = openParser(file);
            if (failure != null) {
                recordsInFile++;
                return failure;
            }
        }
        ReadRecord record = parser.next();
        if (record != null) {
            recordsInFile++;
        }
        return record;
    }

    /** Opens the parser for a file, or returns why the whole file is unreadable. */
    private ReadRecord openParser(Path file) {
        String uri = uriOf(file);
        String format = SourceFiles.formatOf(file);
        if (format == null) {
            return new ReadRecord.Unreadable(RecordLocation.wholeFile(uri),
                    "unsupported file type: expected .jsonl, .ndjson or .csv");
        }
        try {
            LineReader lines = new LineReader(Files.newInputStream(file), maxRecordBytes);
            parser = format.equals("csv") ? new CsvParser(uri, lines, maxRecordBytes) : new JsonlParser(uri, lines);
            return null;
        } catch (IOException e) {
            return new ReadRecord.Unreadable(RecordLocation.wholeFile(uri),
                    "unreadable file: " + e.getClass().getSimpleName());
        }
    }

    /** The source URI recorded in lineage and rejected rows for a file. */
    static String uriOf(Path file) {
        return file.toAbsolutePath().normalize().toUri().toString();
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FILE_INDEX, fileIndex);
        context.putLong(RECORDS_IN_FILE, recordsInFile);
    }

    @Override
    public void close() {
        closeParser();
    }

    private void closeParser() {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // read-only file: nothing to flush
            }
            parser = null;
        }
    }
}
