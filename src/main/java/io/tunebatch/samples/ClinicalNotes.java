package io.tunebatch.samples;

import static io.tunebatch.samples.Domain.between;
import static io.tunebatch.samples.Domain.oneOf;

import java.util.List;
import java.util.Map;

/** Clinical-style visit notes (invented, not medical advice): SOAP summaries, referrals, discharge. */
final class ClinicalNotes {

    private static final List<String> SOAP = List.of(
            "Rewrite this visit note as a SOAP summary.",
            "Summarize the encounter in SOAP format for the chart.");
    private static final List<String> PLAIN_LANGUAGE = List.of(
            "Write discharge instructions in plain language for the patient.",
            "Explain the plan to the patient in simple words.");
    private static final List<String> ADMIN = List.of(
            "Write the clinical summary for this referral and leave out administrative identifiers.",
            "Summarize the referral for the receiving specialist.");

    static final Domain DOMAIN = new Domain("clinical-notes",
            List.of(new Domain.SourceSystem("epic-notes", "EN-"), new Domain.SourceSystem("cerner-export", "CX-")),
            List.of(
                    new Template(SOAP,
                            "Patient {name}, seen {date}. Chief complaint: {symptom} for {days} days. BP {bp}, "
                                    + "HR {hr}, temp {temp} C. Current meds: {medication}. Callback number {phone}.",
                            "S: {symptom} for {days} days. O: BP {bp}, HR {hr}, temperature {temp} C. A: likely "
                                    + "{diagnosis}. P: continue {medication}, review in two weeks or sooner if the "
                                    + "symptoms get worse."),
                    new Template(SOAP,
                            "Follow-up visit {date}. {symptom} improved since starting {medication}. Vitals: BP "
                                    + "{bp}, HR {hr}. No new complaints.",
                            "S: {symptom} improving on {medication}, no new complaints. O: BP {bp}, HR {hr}. A: "
                                    + "{diagnosis}, responding to treatment. P: continue the current dose and "
                                    + "recheck at the next routine visit."),
                    new Template(ADMIN,
                            "Insurance update for {name}: SSN {ssn}, e-mail {email}. Referred to {specialty} for "
                                    + "{diagnosis} after {days} days of {symptom}.",
                            "Referral to {specialty} for {diagnosis}, presenting with {symptom} for {days} days. "
                                    + "Please assess and advise on further management; the primary care team will "
                                    + "continue routine follow-up."),
                    new Template(PLAIN_LANGUAGE,
                            "Diagnosis: {diagnosis}. Discharged {date} on {medication}. Home monitor firmware "
                                    + "{version}; readings to be uploaded daily.",
                            "You were treated for {diagnosis}. Take {medication} exactly as prescribed, upload "
                                    + "your home monitor readings every day, and come back at once if you feel "
                                    + "short of breath or the symptoms return."),
                    new Template(SOAP,
                            "Dr. {agent} reviewed labs on {date}: {lab}. Patient {first} reports {symptom}. "
                                    + "Reachable at {phone}.",
                            "S: reports {symptom}. O: {lab}. A: findings consistent with {diagnosis}. P: Dr. "
                                    + "{agent} will discuss the results with {first} and adjust {medication} "
                                    + "if needed."),
                    new Template(PLAIN_LANGUAGE,
                            "Post-procedure note {date}: {procedure} completed without complications. Pain "
                                    + "score {pain}/10.",
                            "Your {procedure} went well and there were no complications. Rest for two days, keep "
                                    + "the area clean and dry, and call the clinic if the pain gets worse than "
                                    + "today.")),
            Map.ofEntries(
                    Map.entry("symptom", oneOf("persistent cough", "lower back pain", "intermittent headaches",
                            "fatigue", "shortness of breath on exertion", "joint stiffness")),
                    Map.entry("diagnosis", oneOf("acute bronchitis", "mechanical low back pain", "tension-type headache",
                            "iron deficiency anaemia", "mild persistent asthma", "early osteoarthritis")),
                    Map.entry("medication", oneOf("amoxicillin 500 mg three times daily", "ibuprofen 400 mg as needed",
                            "ferrous sulfate 200 mg daily", "a budesonide inhaler twice daily",
                            "paracetamol 1 g up to four times daily")),
                    Map.entry("specialty", oneOf("cardiology", "rheumatology", "pulmonology", "neurology", "orthopaedics")),
                    Map.entry("lab", oneOf("haemoglobin 10.9 g/dL, ferritin 8 ng/mL", "CRP 14 mg/L, WBC 11.2",
                            "HbA1c 6.1%, fasting glucose 6.4 mmol/L", "TSH 2.1 mU/L, normal range")),
                    Map.entry("procedure", oneOf("colonoscopy", "knee arthroscopy", "skin lesion excision",
                            "cataract surgery")),
                    Map.entry("bp", random -> (105 + random.nextInt(50)) + "/" + (65 + random.nextInt(30))),
                    Map.entry("hr", between(54, 110)),
                    Map.entry("temp", random -> (36 + random.nextInt(3)) + "." + random.nextInt(10)),
                    Map.entry("days", between(2, 30)),
                    Map.entry("pain", between(0, 8))),
            List.of("Stable.", "Seen and discharged.", "No change.", "Referred on.", "Results normal, no action."));

    private ClinicalNotes() {
    }
}
