package io.tunebatch.prepare;

import io.tunebatch.lineage.ExampleContent;
import io.tunebatch.support.TestFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * A small source set with everything the prepare job must handle: clean examples, planted PII,
 * an exact duplicate in another document, a near-duplicate, a short output, and bad records.
 */
final class PrepareFixture {

    static final String EMAIL = "marisol.quintero@bankmail.example";
    static final String CARD = "4539148803436467";
    static final String SSN = "536-22-8174";
    static final String CSV_EMAIL = "kofi.mensah@corp-mail.example";
    static final List<String> PLANTED_PII = List.of(EMAIL, CARD, SSN, CSV_EMAIL);

    static final ExampleContent LOGIN = new ExampleContent("Summarize the customer's issue.",
            "Customer cannot log in after the password reset email expired.",
            "The customer could not log in because the password reset link expired before they used it.");
    static final ExampleContent LOGIN_LOWERCASE = new ExampleContent("summarize the customer's issue.",
            LOGIN.input(), LOGIN.output());
    static final ExampleContent EMAIL_AND_CARD = new ExampleContent("Draft a reply to the customer.",
            "Please write to me at " + EMAIL + " about my card " + CARD + " today.",
            "We will contact you by email within one business day about the card you mentioned.");
    static final ExampleContent SHORT = new ExampleContent("Close the ticket.", "", "Done.");
    static final ExampleContent SSN_QUESTION = new ExampleContent("Explain the fee.",
            "My social security number is " + SSN + ", why was I charged?",
            "The monthly maintenance fee applies when the balance falls below the minimum for the statement period.");
    static final ExampleContent WIRE = new ExampleContent("Answer the question.", "What is the wire cutoff time?",
            "Domestic wires submitted before four in the afternoon are processed on the same business day.");
    static final ExampleContent CALLBACK = new ExampleContent("Answer the question.",
            "Send the statement to " + CSV_EMAIL + " please.",
            "The statement will be sent to the address on file within two business days of this request.");

    static final int READ = 12;
    static final int REJECTED = 4;
    static final int WRITTEN = 7;
    static final int DEDUPLICATED = 1;

    private PrepareFixture() {
    }

    static void writeSources(Path dir) {
        TestFiles.write(dir.resolve("tickets.jsonl"), String.join("\n",
                json("T-1", LOGIN),
                json("T-2", EMAIL_AND_CARD),
                json("T-9", LOGIN),
                json("T-4", LOGIN_LOWERCASE),
                json("T-5", SHORT),
                "{\"source_system\":\"zendesk\",\"source_document_id\":\"T-6\",\"instruction\": broken",
                "{\"source_system\":\"zendesk\",\"source_document_id\":\"T-7\",\"instruction\":\"x\"}",
                "{\"source_system\":\"zendesk\",\"source_document_id\":\"T-8\",\"instruction\":42,\"output\":\"y\"}",
                "",
                json("T-10", SSN_QUESTION)) + "\n");
        TestFiles.write(dir.resolve("chats.csv"), String.join("\n",
                "source_document_id,instruction,input,output",
                csv("C-1", WIRE),
                csv("C-2", CALLBACK),
                "C-3,too,many,columns,here") + "\n");
    }

    /** The examples a first run must find valid: the kept one of the near-duplicate pair, and the wire answer. */
    static List<ExampleContent> validOnFirstRun() {
        ExampleContent kept = LOGIN.exampleId().compareTo(LOGIN_LOWERCASE.exampleId()) < 0 ? LOGIN : LOGIN_LOWERCASE;
        return List.of(kept, WIRE);
    }

    private static String json(String documentId, ExampleContent c) {
        return "{\"source_system\":\"zendesk\",\"source_document_id\":\"" + documentId + "\",\"instruction\":\""
                + c.instruction() + "\",\"input\":\"" + c.input() + "\",\"output\":\"" + c.output() + "\"}";
    }

    private static String csv(String documentId, ExampleContent c) {
        return documentId + ",\"" + c.instruction() + "\",\"" + c.input() + "\",\"" + c.output() + "\"";
    }
}
