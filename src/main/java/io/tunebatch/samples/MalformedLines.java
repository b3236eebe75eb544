package io.tunebatch.samples;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The defects that look the same in every format: bad encoding and excessive size. */
final class MalformedLines {

    /** A private-use character the encoder writes as EE 80 80 and that no template contains. */
    private static final char MARKER = '\uE000';
    private static final byte[] MARKER_UTF8 = String.valueOf(MARKER).getBytes(StandardCharsets.UTF_8);
    private static final byte LATIN1_E_ACUTE = (byte) 0xE9;
    private static final String FILLER = " The customer attached the full conversation history again.";

    private MalformedLines() {
    }

    /** The donor with "café" appended in Latin-1: byte 0xE9 followed by a space is not UTF-8. */
    static byte[] invalidUtf8(RecordFormat format, SampleRecord donor) {
        byte[] line = format.encode(withOutput(donor, donor.output() + " Legacy export note: caf" + MARKER + " au lait."));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(line.length);
        for (int i = 0; i < line.length; i++) {
            if (startsWith(line, i, MARKER_UTF8)) {
                bytes.write(LATIN1_E_ACUTE);
                i += MARKER_UTF8.length - 1;
            } else {
                bytes.write(line[i]);
            }
        }
        return bytes.toByteArray();
    }

    /** The donor with its output padded by a repeated sentence until the line reaches minimumBytes. */
    static byte[] oversize(RecordFormat format, SampleRecord donor, int minimumBytes) {
        int missing = Math.max(0, minimumBytes - format.encode(donor).length);
        String padding = FILLER.repeat(missing / FILLER.length() + 1);
        return format.encode(withOutput(donor, donor.output() + padding));
    }

    private static SampleRecord withOutput(SampleRecord donor, String output) {
        return new SampleRecord(donor.sourceSystem(), donor.sourceDocumentId(), donor.instruction(), donor.input(),
                output, donor.annotatorId(), donor.reviewStatus(), donor.planted());
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        if (at + prefix.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
