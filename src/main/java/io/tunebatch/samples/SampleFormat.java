package io.tunebatch.samples;

/** Which file format each domain is written in; BOTH puts both in one set: the bank chats as CSV, the rest as JSONL. */
public enum SampleFormat {
    JSONL,
    CSV,
    BOTH;

    RecordFormat formatFor(Domain domain) {
        boolean csv = this == CSV || (this == BOTH && domain == BankChats.DOMAIN);
        return csv ? new CsvFormat() : new JsonlFormat();
    }
}
