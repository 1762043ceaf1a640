package dev.failforward.core.importing.confluence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.sun.net.httpserver.HttpServer;
import dev.failforward.core.importing.ImportField;
import dev.failforward.core.importing.ImportProblem;
import dev.failforward.core.importing.ImportResult;
import dev.failforward.core.importing.ImportedAction;
import dev.failforward.core.importing.ImportedIncident;
import dev.failforward.core.importing.ImportedLearning;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.record.LearningKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfluencePostMortemParserTest {

    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    private final ConfluencePostMortemParser parser = new ConfluencePostMortemParser();

    private static String page(String name) {
        try (InputStream in = ConfluencePostMortemParserTest.class.getResourceAsStream(name + ".xhtml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new AssertionError("test page " + name + " not found", e);
        }
    }

    private ImportResult result(String name, ZoneId zone) {
        return parser.parse("4711", "Post-mortem: " + name, page(name), zone, NOW);
    }

    private ImportedIncident incident(String name) {
        ImportResult result = result(name, ZoneOffset.UTC);
        assertThat(result.importable()).as(result.problems().toString()).isTrue();
        return result.incident();
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    // ---- the incident-handbook blueprint: sections as headings ---------------------------------------------------

    @Test
    void blueprintHeadingsGiveSectionsTimesAndSource() {
        ImportResult result = result("blueprint-handbook", ZoneId.of("Asia/Tokyo"));
        ImportedIncident i = result.incident();
        assertThat(result.problems()).isEmpty();
        assertThat(result.sourceName()).isEqualTo("Post-mortem: blueprint-handbook");
        assertThat(i.sourceKey()).isEqualTo("confluence-page-4711");
        assertThat(i.title()).isEqualTo("blueprint-handbook");
        assertThat(i.summary()).isEqualTo("Between 14:02 and 15:10 UTC on 2024-03-05, checkout requests failed for "
                + "about 40% of customers. The event was triggered by a database migration at 13:58 UTC.");
        assertThat(i.impact()).isEqualTo("About 40% of checkout attempts failed for 68 minutes; 212 support tickets "
                + "were raised.");
        assertThat(i.detection()).startsWith("The checkout error-rate alert paged");
        assertThat(i.resolution()).isEqualTo("The on-call engineer declared an incident and paged the database team."
                + "\n\nThe migration was cancelled and the pool recycled; checkout recovered at 15:10 UTC.");
        assertThat(i.rootCause()).isEqualTo("The migration locked the orders table; the connection pool filled up "
                + "and checkout timed out.\n\nA blocking index build on a hot table, allowed by a review checklist "
                + "that does not cover locking.");
        // "All times in UTC." wins over the import's default zone (Tokyo)
        assertThat(i.provenance()).containsEntry(ImportField.TIME_ZONE, "line 16");
        assertThat(i.timeline()).extracting(e -> e.at().toString()).containsExactly("2024-03-05T13:58:00Z",
                "2024-03-05T14:02:00Z", "2024-03-05T14:07:00Z", "2024-03-05T14:15:00Z", "2024-03-05T14:50:00Z",
                "2024-03-05T15:10:00Z");
        assertThat(i.timeline().get(2).text())
                .isEqualTo("Error-rate alert fires; @8a7f80845f0b1c21015f0b1d2e3a0001 is paged.");
        assertThat(i.startedAt()).isEqualTo(at("2024-03-05T13:58:00Z"));
        assertThat(i.discoveredAt()).isEqualTo(at("2024-03-05T14:07:00Z"));
        assertThat(i.reportedAt()).isEqualTo(at("2024-03-05T14:15:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(at("2024-03-05T15:10:00Z"));
        assertThat(i.provenance()).containsEntry(ImportField.RESOLVED_AT, "timeline \"Timeline\" line 25");
        assertThat(i.whys()).hasSize(4);
        assertThat(i.whys().get(3)).isEqualTo("Why was it run without it? Because the migration review checklist "
                + "does not ask about locks.");
        assertThat(i.category().category()).isEqualTo(FailureCategory.PROCESS_DEVIATION);
        assertThat(i.category().toConfirm()).isTrue();
        assertThat(i.learnings()).containsExactly(
                new ImportedLearning("Index builds on hot tables need the concurrent option.", LearningKind.INSIGHT,
                        "section \"Lessons learned\" line 41"),
                new ImportedLearning("The error-rate alert caught the failure within five minutes.",
                        LearningKind.INSIGHT, "section \"Lessons learned\" line 42"));
        assertThat(i.actionItems()).containsExactly(
                new ImportedAction("Add a lock check to the migration review checklist (OPS-91)", "mkovac",
                        LocalDate.of(2024, 4, 1), false, "section \"Corrective actions\" table row line 48"),
                new ImportedAction("Alert on connection-pool saturation (OPS-92)", "jdoe", LocalDate.of(2024, 3, 20),
                        false, "section \"Corrective actions\" table row line 49"));
        assertThat(i.severity()).isNull();
    }

    // ---- the DevOps blueprint: a page-properties details table ---------------------------------------------------

    @Test
    void detailsTableRowsAreSectionsAndFacts() {
        ImportResult result = result("blueprint-details-table", ZoneOffset.UTC);
        ImportedIncident i = result.incident();
        assertThat(result.problems()).isEmpty();
        assertThat(i.summary()).isEqualTo("The public API returned 503 for all requests after the certificate on the "
                + "load balancer expired.");
        assertThat(i.impact()).isEqualTo("All API clients failed for 47 minutes.");
        assertThat(i.detection()).isEqualTo("A customer reported the failure to support.");
        assertThat(i.resolution()).isEqualTo("The on-call engineer escalated to the platform team.\n\n"
                + "A renewed certificate was installed by hand.");
        assertThat(i.rootCause()).startsWith("The certificate renewal job had failed silently");
        assertThat(i.provenance()).containsEntry(ImportField.SUMMARY, "details table row \"Summary\" line 10");
        // the document's "Status" (Complete) is not a severity; the "Severity" row is
        assertThat(i.severity()).isEqualTo("SEV 1");
        assertThat(i.provenance()).containsEntry(ImportField.SEVERITY, "details table row \"Severity\" line 9");
        assertThat(i.attendees()).containsExactly("asmith", "bnguyen");
        // 09:00 CEST written next to each time, on the "Date" row's day
        assertThat(i.startedAt()).isEqualTo(at("2024-06-11T07:00:00Z"));
        assertThat(i.discoveredAt()).isEqualTo(at("2024-06-11T07:21:00Z"));
        assertThat(i.reportedAt()).isEqualTo(at("2024-06-11T07:30:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(at("2024-06-11T07:47:00Z"));
        assertThat(i.timeline().get(3).text()).isEqualTo("new certificate installed; service restored.");
        assertThat(i.learnings()).containsExactly(new ImportedLearning(
                "Certificate expiry needs its own alert, not only the renewal job's.", LearningKind.INSIGHT,
                "details table row \"Lessons learned\" line 24"));
        assertThat(i.actionItems()).containsExactly(
                new ImportedAction("Route renewal-job alerts to the on-call rotation", "asmith",
                        LocalDate.of(2024, 6, 14), true, "section \"Action items\" task line 31"),
                new ImportedAction("Alert 14 days before any certificate expires", "bnguyen",
                        LocalDate.of(2024, 7, 1), false, "section \"Action items\" task line 32"));
    }

    // ---- a home-made template -------------------------------------------------------------------------------------

    @Test
    void homeMadeTemplateWithStatLinesZoneInHeadingAndLearningKinds() {
        ImportedIncident i = incident("home-made-template");
        assertThat(i.title()).isEqualTo("home-made-template");
        assertThat(i.severity()).isEqualTo("P2");
        assertThat(i.category().category()).isEqualTo(FailureCategory.EXTERNAL_SHOCK);
        assertThat(i.category().toConfirm()).isFalse();
        assertThat(i.summary()).startsWith("The label printers in the Leeds warehouse stopped printing");
        // "Time line (PST)": 6:40 AM PST on the stated date
        assertThat(i.startedAt()).isEqualTo(at("2024-09-12T14:40:00Z"));
        assertThat(i.discoveredAt()).isEqualTo(at("2024-09-12T14:40:00Z"));
        assertThat(i.reportedAt()).isEqualTo(at("2024-09-12T15:05:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(at("2024-09-12T17:55:00Z"));
        assertThat(i.learnings()).extracting(ImportedLearning::kind).containsExactly(LearningKind.WENT_WELL,
                LearningKind.SURPRISE, LearningKind.SURPRISE, LearningKind.GOT_LUCKY);
        assertThat(i.learnings().get(3).text()).isEqualTo("It was a Tuesday, our quietest dispatch day.");
        assertThat(i.actionItems()).containsExactly(
                new ImportedAction("Turn off automatic firmware updates on all printers", "ptaylor",
                        LocalDate.of(2024, 9, 30), false, "section \"Follow-ups\" line 30"),
                new ImportedAction("Write a paper-label fallback procedure", null, null, true,
                        "section \"Follow-ups\" line 31"));
    }

    @Test
    void aDurationFactGivesTheResolutionWhenTheTimelineDoesNot() {
        String body = "<p>Date: 2024-05-02</p><p>Started: 10:00 UTC</p><p>Time to recovery: 1h 30m</p>"
                + "<h2>Summary</h2><p>Queue stalled.</p>";
        ImportedIncident i = parser.parse("9", "Queue stall", body, ZoneOffset.UTC, NOW).incident();
        assertThat(i.startedAt()).isEqualTo(at("2024-05-02T10:00:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(at("2024-05-02T11:30:00Z"));
        assertThat(i.provenance().get(ImportField.RESOLVED_AT)).startsWith("\"Time to recovery\" line 1 (1h 30m after"
                + " start");
    }

    // ---- task lists -------------------------------------------------------------------------------------------------

    @Test
    void taskListsGiveOwnersDueDatesAndDoneAndTheTimelinePassesMidnight() {
        ImportedIncident i = incident("task-lists");
        assertThat(i.actionItems()).containsExactly(
                new ImportedAction("Make the payroll export idempotent", "ff8080817c3a1b2c017c3a1c4d5e0002",
                        LocalDate.of(2024, 12, 6), true, "section \"Action items\" task line 15"),
                new ImportedAction("Ask the bank to reject duplicate file names", null, LocalDate.of(2025, 1, 15),
                        false, "section \"Action items\" task line 16"),
                new ImportedAction("Review every job the scheduler may retry", null, null, false,
                        "section \"Action items\" task line 17"));
        // "All times in Europe/Berlin", 23:50 on 28 November, then 00:20 on the 29th
        assertThat(i.timeline()).extracting(e -> e.at().toString()).containsExactly("2024-11-28T22:50:00Z",
                "2024-11-28T23:20:00Z", "2024-11-29T06:45:00Z", "2024-11-29T08:10:00Z");
        assertThat(i.discoveredAt()).isEqualTo(at("2024-11-29T06:45:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(at("2024-11-29T08:10:00Z"));
        assertThat(i.learnings()).containsExactly(new ImportedLearning("A retry is only safe for an idempotent job.",
                LearningKind.INSIGHT, "section \"Lessons learned\" line 20"));
    }

    @Test
    void aTaskOutsideAnActionSectionIsStillAnActionItem() {
        String body = "<h2>Summary</h2><p>Disk full.</p><ac:task-list><ac:task><ac:task-status>incomplete"
                + "</ac:task-status><ac:task-body>Add disk alerts <ac:link><ri:user ri:username=\"kim\"/></ac:link>"
                + "</ac:task-body></ac:task></ac:task-list>";
        ImportedIncident i = parser.parse("5", "Disk", body, ZoneOffset.UTC, NOW).incident();
        assertThat(i.actionItems()).containsExactly(new ImportedAction("Add disk alerts", "kim", null, false,
                "section \"Summary\" task line 1"));
    }

    @Test
    void actionTableWithTextOwnersStatusColumnAndPlainIssueKeys() {
        String body = "<h2>Corrective actions</h2><table><tbody>"
                + "<tr><th>Owner</th><th>Description</th><th>Status</th><th>Ticket</th><th>Due</th></tr>"
                + "<tr><td>Dana Lee</td><td>Rotate the API keys</td><td><ac:emoticon ac:name=\"tick\"/></td>"
                + "<td>SEC-7</td><td>30 May 2024</td></tr>"
                + "<tr><td>TBD</td><td>Document the rotation</td><td><ac:structured-macro ac:name=\"status\">"
                + "<ac:parameter ac:name=\"title\">NOT DONE</ac:parameter></ac:structured-macro></td><td></td>"
                + "<td></td></tr></tbody></table>";
        ImportedIncident i = parser.parse("8", "Keys", body, ZoneOffset.UTC, NOW).incident();
        assertThat(i.actionItems()).containsExactly(
                new ImportedAction("Rotate the API keys (SEC-7)", "Dana Lee", LocalDate.of(2024, 5, 30), true,
                        "section \"Corrective actions\" table row line 1"),
                new ImportedAction("Document the rotation", null, null, false,
                        "section \"Corrective actions\" table row line 1"));
    }

    @Test
    void anUnknownStatedZoneIsAProblemAndTheDefaultIsUsed() {
        String body = "<table><tbody><tr><th>Time zone</th><td>Mars/Olympus</td></tr>"
                + "<tr><th>Date</th><td>2024-01-02</td></tr><tr><th>Started</th><td>10:00</td></tr></tbody></table>"
                + "<h2>Summary</h2><p>x</p>";
        ImportResult result = parser.parse("8", "Zone", body, ZoneId.of("Europe/Paris"), NOW);
        assertThat(result.problems()).containsExactly(
                new ImportProblem(ImportField.TIME_ZONE, "unknown time zone \"Mars/Olympus\"", 1));
        assertThat(result.incident().startedAt()).isEqualTo(at("2024-01-02T09:00:00Z"));
        assertThat(result.incident().provenance()).containsEntry(ImportField.TIME_ZONE, "import default");
    }

    // ---- macros -----------------------------------------------------------------------------------------------------

    @Test
    void macroBodiesAreReadAndTitledPanelsAreSections() {
        ImportResult result = result("macro-wrapped", ZoneOffset.UTC);
        ImportedIncident i = result.incident();
        assertThat(result.problems()).isEmpty();
        assertThat(i.summary()).isEqualTo("The support chatbot looped customers back to its first question for a "
                + "whole afternoon on 2024-08-19.");
        assertThat(i.provenance()).containsEntry(ImportField.SUMMARY, "panel \"Summary\" line 6");
        assertThat(i.rootCause()).startsWith("The new flow was published without review");
        assertThat(i.severity()).isEqualTo("SEV 3");
        assertThat(i.provenance()).containsEntry(ImportField.SEVERITY, "status macro line 3");
        assertThat(i.timeline()).extracting(e -> e.at().toString()).containsExactly("2024-08-19T12:10:00Z",
                "2024-08-19T13:02:00Z", "2024-08-19T16:40:00Z");
        assertThat(i.discoveredAt()).isEqualTo(at("2024-08-19T13:02:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(at("2024-08-19T16:40:00Z"));
        assertThat(i.category().category()).isEqualTo(FailureCategory.PROCESS_DEVIATION);
        assertThat(i.category().toConfirm()).isFalse();
        assertThat(i.learnings()).extracting(ImportedLearning::text)
                .containsExactly("Chatbot flows are production changes and need the same review.");
    }

    @Test
    void expandTitledTimelineTakesTheZoneOfItsTitle() {
        ImportedIncident i = incident("macro-wrapped");
        assertThat(i.provenance()).containsEntry(ImportField.TIMELINE, "expand \"Timeline (UTC)\" line 12 (3 entries)");
    }

    @Test
    void blueprintPlaceholdersAreNotContent() {
        String body = "<h2>Incident summary</h2><p><ac:placeholder>Summarize the incident here.</ac:placeholder></p>"
                + "<h2>Impact</h2><p>Orders delayed.</p>";
        ImportedIncident i = parser.parse("6", "Orders", body, ZoneOffset.UTC, NOW).incident();
        assertThat(i.summary()).isNull();
        assertThat(i.impact()).isEqualTo("Orders delayed.");
    }

    // ---- entities, dated tables -------------------------------------------------------------------------------------

    @Test
    void htmlEntitiesAreCharactersAndUnknownOnesStayText() {
        ImportResult result = result("entities-dated-table", ZoneOffset.UTC);
        ImportedIncident i = result.incident();
        assertThat(i.summary()).isEqualTo("Post–incident review for the CRM sync failure — we’re sorry &hearts; © 2024.");
        assertThat(result.problems()).containsExactly(
                new ImportProblem(ImportField.FILE, "unknown entities kept as text: &hearts;", 0));
    }

    @Test
    void dateColumnAndStatedZoneRowGiveTheTimes() {
        ImportedIncident i = incident("entities-dated-table");
        // "Time zone: CET" (UTC+1); 01:10 follows 23:55 on the next day
        assertThat(i.timeline()).extracting(e -> e.at().toString()).containsExactly("2024-02-08T21:30:00Z",
                "2024-02-08T22:55:00Z", "2024-02-09T00:10:00Z", "2024-02-09T09:40:00Z");
        assertThat(i.timeline().get(0).text()).isEqualTo("CRM sync job starts with the stale mapping file.");
        assertThat(i.discoveredAt()).isEqualTo(at("2024-02-09T07:15:00Z"));
        assertThat(i.provenance()).containsEntry(ImportField.DISCOVERED_AT, "details table row \"Detected\" line 6");
        assertThat(i.resolvedAt()).isEqualTo(at("2024-02-09T09:40:00Z"));
        assertThat(i.category().category()).isEqualTo(FailureCategory.DATA_GAP);
        assertThat(i.category().toConfirm()).isFalse();
    }

    // ---- broken and empty pages -------------------------------------------------------------------------------------

    @Test
    void malformedPageGivesAClearProblemAndWhatCameBefore() {
        ImportResult result = result("malformed-unclosed", ZoneOffset.UTC);
        assertThat(result.problems()).hasSize(1);
        ImportProblem p = result.problems().get(0);
        assertThat(p.field()).isEqualTo(ImportField.FILE);
        assertThat(p.line()).isEqualTo(6);
        assertThat(p.message()).startsWith("the page is not well-formed storage format at line 6, column 3 (")
                .contains("\"li\"").endsWith("; it was mended as a browser would and read whole");
        ImportedIncident i = result.incident();
        assertThat(i.summary()).isEqualTo("The search index rebuild filled the disk on the search cluster.");
        assertThat(i.impact()).startsWith("Search returned no results for two hours.");
    }

    @Test
    void emptyPageHasNoIncident() {
        ImportResult result = result("empty", ZoneOffset.UTC);
        assertThat(result.importable()).isFalse();
        assertThat(result.problems()).containsExactly(new ImportProblem(ImportField.FILE, "the page is empty", 0));
        assertThat(parser.parse("1", "t", null, ZoneOffset.UTC, NOW).problems()).hasSize(1);
    }

    @Test
    void pageWithoutTextHasNoIncident() {
        ImportResult result = parser.parse("1", "t", "<p>&nbsp;</p><p><ac:placeholder>Fill in</ac:placeholder></p>",
                ZoneOffset.UTC, NOW);
        assertThat(result.importable()).isFalse();
        assertThat(result.problems()).extracting(ImportProblem::message)
                .containsExactly("the page has no text to import");
    }

    @Test
    void tooLargePageIsRefused() {
        String body = "<p>" + "x".repeat(ConfluencePostMortemParser.MAX_CHARS) + "</p>";
        ImportResult result = parser.parse("1", "t", body, ZoneOffset.UTC, NOW);
        assertThat(result.importable()).isFalse();
        assertThat(result.problems().get(0).message()).contains("more than the");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<<<>>>", "&&&;", "<p>", "</p></div>", "<ac:task-list><ac:task>", "<?xml version=\"1.0\"?>"
            + "<p>x</p>", "<p a=1>x</p>", "<table><tr><td>1</td></tr>", "]]>", "<![CDATA[x", "<x:y>z</x:y>",
            "<h2>Timeline</h2><ul><li>25:99 nothing</li></ul>"})
    void garbageNeverThrows(String body) {
        assertThatCode(() -> {
            ImportResult r = parser.parse("1", "Garbage", body, ZoneOffset.UTC, NOW);
            assertThat(r.importable() || !r.problems().isEmpty()).isTrue();
        }).doesNotThrowAnyException();
    }

    @Test
    void untitledPageTakesItsFirstHeadingElseItsId() {
        assertThat(parser.parse("77", " ", "<h1>Kafka lag</h1><h2>Summary</h2><p>Lag.</p>", ZoneOffset.UTC, NOW)
                .incident().title()).isEqualTo("Kafka lag");
        assertThat(parser.parse("77", null, "<h2>Summary</h2><p>Lag.</p>", ZoneOffset.UTC, NOW).incident().title())
                .isEqualTo("Confluence page 77");
    }

    @Test
    void reImportGivesTheSameIncident() {
        for (String name : new String[] {"blueprint-handbook", "blueprint-details-table", "home-made-template",
            "task-lists", "macro-wrapped", "entities-dated-table"}) {
            assertThat(result(name, ZoneOffset.UTC)).as(name).isEqualTo(result(name, ZoneOffset.UTC));
        }
    }

    // ---- nothing outside the page is read ---------------------------------------------------------------------------

    @Test
    void externalEntitiesInADoctypeAreNeverResolved(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] answer = "REMOTE-CONTENT".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            String body = page("xxe-doctype").replace("SECRET_URL", secret.toUri().toString())
                    .replace("REMOTE_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/x");
            ImportResult result = parser.parse("13", "XXE", body, ZoneOffset.UTC, NOW);
            assertThat(requests).hasValue(0);
            assertThat(result.toString()).doesNotContain("TOP-SECRET-CONTENT").doesNotContain("REMOTE-CONTENT");
            assertThat(result.incident().summary())
                    .isEqualTo("Imported page that tries to read &secret; and &remote; from outside.");
            assertThat(result.problems()).extracting(ImportProblem::message).containsExactly(
                    "the page has a DOCTYPE declaration; it was ignored and nothing it names was read",
                    "unknown entities kept as text: &secret; &remote;");
            assertThat(result.incident().provenance()).containsEntry(ImportField.SUMMARY, "section \"Summary\" line 7");
        } finally {
            server.stop(0);
        }
    }
}
