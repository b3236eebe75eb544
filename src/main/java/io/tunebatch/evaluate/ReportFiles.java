package io.tunebatch.evaluate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an evaluation report as {@code report.json} (the machine-readable record) and
 * {@code report.html} (for people) into a folder.
 *
 * @param sha256 SHA-256 of report.json: what a promotion records as the evidence it relied on
 */
public record ReportFiles(Path json, Path html, String sha256) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public static ReportFiles write(EvaluationReport report, Path folder) {
        try {
            Files.createDirectories(folder);
            byte[] json = JSON.writeValueAsBytes(report);
            Path jsonFile = Files.write(folder.resolve("report.json"), json);
            Path htmlFile = Files.writeString(folder.resolve("report.html"), html(report), StandardCharsets.UTF_8);
            return new ReportFiles(jsonFile, htmlFile, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evaluation report to " + folder, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static EvaluationReport read(Path json) {
        return JSON.readValue(json.toFile(), EvaluationReport.class);
    }

    static String html(EvaluationReport report) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Evaluation: ")
                .append(escape(report.suiteName())).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}")
                .append(".pass{background:#e6f4ea}.fail{background:#fce8e6}pre{white-space:pre-wrap;margin:0;max-width:50em}")
                .append("</style></head><body>\n");
        html.append("<h1>Evaluation report: ").append(escape(report.suiteName())).append("</h1>\n");
        html.append("<p class=\"").append(report.gatePassed() ? "pass" : "fail").append("\"><strong>Gate ")
                .append(report.gatePassed() ? "PASSED" : "FAILED").append("</strong>: ")
                .append(report.passedCount()).append(" of ").append(report.caseCount()).append(" cases passed (")
                .append(percent(report.passRate())).append("), gate ").append(percent(report.gateThreshold())).append("</p>\n");
        html.append("<table>");
        row(html, "Subject", report.subject());
        row(html, "Suite", report.suitePath() + " (SHA-256 " + report.suiteSha256() + ")");
        row(html, "Started", report.startedAt().toString());
        row(html, "Finished", report.finishedAt().toString());
        for (Map.Entry<String, Double> byType : report.passRateByType().entrySet()) {
            row(html, "Pass rate " + byType.getKey(), percent(byType.getValue()));
        }
        if (!report.failingCases().isEmpty()) {
            row(html, "Failing cases", String.join(", ", report.failingCases()));
        }
        html.append("</table>\n<h2>Cases</h2>\n<table><tr><th>#</th><th>Case</th><th>Type</th><th>Metric</th>")
                .append("<th>Score</th><th>Threshold</th><th>Result</th><th>Detail</th><th>Output (PII redacted)</th></tr>\n");
        for (CaseResult result : report.results()) {
            html.append("<tr class=\"").append(result.passed() ? "pass" : "fail").append("\"><td>").append(result.index() + 1)
                    .append("</td><td>").append(escape(result.name()))
                    .append("</td><td>").append(escape(result.type()))
                    .append("</td><td>").append(escape(result.metric()))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.3f", result.score()))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.2f", result.threshold()))
                    .append("</td><td>").append(result.passed() ? "pass" : "FAIL")
                    .append("</td><td>").append(escape(result.detail()))
                    .append("</td><td><pre>").append(escape(result.outputRedacted())).append("</pre></td></tr>\n");
        }
        return html.append("</table>\n</body></html>\n").toString();
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><th>").append(escape(label)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
