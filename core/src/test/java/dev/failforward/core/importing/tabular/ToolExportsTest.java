package dev.failforward.core.importing.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failforward.core.importing.CategorySuggestion;
import dev.failforward.core.importing.ImportField;
import dev.failforward.core.importing.ImportResult;
import dev.failforward.core.importing.ImportedAction;
import dev.failforward.core.importing.ImportedIncident;
import dev.failforward.core.importing.ImportedLearning;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.LearningKind;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-written exports in the shapes of the common incident tools (written for these tests, not copied from real
 * exports): the suggested mapping for each shape, then every value read through it.
 */
class ToolExportsTest {

    static final Instant NOW = Instant.parse("2024-12-01T00:00:00Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static List<ImportResult> importSuggested(String fileName, String content, ZoneId zone) {
        TabularData data = TabularImporter.parse(fileName, content);
        return TabularImporter.read(fileName, content, ColumnMapping.suggest(data.headers()), zone, NOW);
    }

    static Map<String, String> suggested(String fileName, String content) {
        return ColumnMapping.suggest(TabularImporter.parse(fileName, content).headers()).toMap();
    }

    static Map<String, String> map(String... keysAndColumns) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndColumns.length; i += 2) {
            m.put(keysAndColumns[i], keysAndColumns[i + 1]);
        }
        return m;
    }

    // ---- incident.io ------------------------------------------------------------------------------------------

    static final String INCIDENT_IO = """
            ID,Reference,Name,Status,Severity,Incident Type,Summary,Impact Started At,Reported At,Resolved At,\
            Incident Lead,Postmortem Document URL,Follow-ups
            01HQ8Z2K3M4N,INC-142,Checkout latency spike,Closed,Major,Platform,"Checkout p99 rose to 9s after the \
            connection pool was shrunk.",2024-03-05T14:02:00Z,2024-03-05T14:19:30Z,2024-03-05T15:47:00Z,\
            Priya Raman,https://docs.example.com/pm/inc-142,"Restore pool size to 50 @priya
            Add an alert on pool saturation"
            01HQ9A7B8C9D,INC-143,Search index stale,Closed,Minor,Search,,2024-03-07T08:00:00Z,\
            2024-03-07T09:10:00Z,,Tom Berg,,
            """;

    @Test
    void incidentIoSuggestion() {
        ColumnMapping m = ColumnMapping.suggest(TabularImporter.parse("incidents.csv", INCIDENT_IO).headers());

        assertThat(m.toMap()).containsExactlyEntriesOf(map(
                "id", "Reference", "title", "Name", "summary", "Summary", "startedAt", "Impact Started At",
                "reportedAt", "Reported At", "resolvedAt", "Resolved At", "severity", "Severity",
                "actionItems", "Follow-ups", "owner", "Incident Lead", "postmortemUrl", "Postmortem Document URL"));
        assertThat(m.confidence(MappedField.SOURCE_ID)).isEqualTo(1.0);
        assertThat(m.confidence(MappedField.TITLE)).isEqualTo(1.0);
        assertThat(m.confidence(MappedField.SUMMARY)).isEqualTo(0.9);
        assertThat(m.confidence(MappedField.CATEGORY)).isZero();
    }

    @Test
    void incidentIoValues() {
        List<ImportResult> results = importSuggested("incidents.csv", INCIDENT_IO, ZoneOffset.UTC);

        assertThat(results).extracting(ImportResult::sourceName)
                .containsExactly("incidents.csv#INC-142", "incidents.csv#INC-143");
        ImportedIncident a = results.get(0).incident();
        assertThat(a.sourceKey()).isEqualTo("inc-142");
        assertThat(a.title()).isEqualTo("Checkout latency spike");
        assertThat(a.summary()).isEqualTo("Checkout p99 rose to 9s after the connection pool was shrunk.\n\n"
                + "Post-mortem: https://docs.example.com/pm/inc-142");
        assertThat(a.startedAt()).isEqualTo(Instant.parse("2024-03-05T14:02:00Z"));
        assertThat(a.discoveredAt()).isNull();
        assertThat(a.reportedAt()).isEqualTo(Instant.parse("2024-03-05T14:19:30Z"));
        assertThat(a.resolvedAt()).isEqualTo(Instant.parse("2024-03-05T15:47:00Z"));
        assertThat(a.severity()).isEqualTo("Major");
        assertThat(a.attendees()).containsExactly("Priya Raman");
        assertThat(a.actionItems()).containsExactly(
                new ImportedAction("Restore pool size to 50 @priya", "priya", null, false,
                        "column \"Follow-ups\" row 1"),
                new ImportedAction("Add an alert on pool saturation", null, null, false,
                        "column \"Follow-ups\" row 1"));
        assertThat(a.category()).isEqualTo(new CategorySuggestion(FailureCategory.DESIGN_FLAW, true,
                "words: connection pool (score 1)"));
        assertThat(a.provenance()).containsEntry(ImportField.TITLE, "column \"Name\" row 1")
                .containsEntry(ImportField.STARTED_AT, "column \"Impact Started At\" row 1")
                .containsEntry(ImportField.SOURCE_KEY, "column \"Reference\" row 1")
                .containsEntry(ImportField.SUMMARY, "column \"Summary\" row 1 and column \"Postmortem Document URL\" "
                        + "row 1");
        assertThat(results.get(0).problems()).isEmpty();

        ImportedIncident b = results.get(1).incident();
        assertThat(b.sourceKey()).isEqualTo("inc-143");
        assertThat(b.title()).isEqualTo("Search index stale");
        assertThat(b.summary()).isNull();
        assertThat(b.resolvedAt()).isNull();
        assertThat(b.actionItems()).isEmpty();
        assertThat(b.category()).isEqualTo(new CategorySuggestion(FailureCategory.DATA_GAP, true,
                "words: stale (score 1)"));
        assertThat(results.get(1).problems()).isEmpty();
    }

    // ---- FireHydrant (semicolon-separated, as saved by a spreadsheet in a comma-decimal locale) -----------------

    static final String FIREHYDRANT = """
            id;number;name;description;customer_impact_summary;severity;priority;started_at;detected_at;\
            acknowledged_at;mitigated_at;resolved_at;incident_url;tag_list
            9f0c2d4e-1111-4a4a-9b9b-000000000001;87;Payments webhook backlog;Webhooks queued for 40 minutes after \
            the upstream provider throttled us;Merchants saw late payment confirmations;SEV2;P2;\
            2024-04-02 10:15:00 UTC;2024-04-02 10:31:00 UTC;2024-04-02 10:33:00 UTC;2024-04-02 10:58:00 UTC;\
            2024-04-02 11:20:00 UTC;https://app.firehydrant.example/incidents/87;payments,webhooks
            """;

    @Test
    void fireHydrantSuggestion() {
        assertThat(suggested("fh-export.csv", FIREHYDRANT)).containsExactlyEntriesOf(map(
                "id", "number", "title", "name", "summary", "description", "impact", "customer_impact_summary",
                "startedAt", "started_at", "discoveredAt", "detected_at", "reportedAt", "acknowledged_at",
                "resolvedAt", "resolved_at", "severity", "severity", "postmortemUrl", "incident_url"));
    }

    @Test
    void fireHydrantValues() {
        ImportResult r = importSuggested("fh-export.csv", FIREHYDRANT, BERLIN).get(0);
        ImportedIncident i = r.incident();

        assertThat(r.sourceName()).isEqualTo("fh-export.csv#87");
        assertThat(i.sourceKey()).isEqualTo("87");
        assertThat(i.title()).isEqualTo("Payments webhook backlog");
        assertThat(i.impact()).isEqualTo("Merchants saw late payment confirmations");
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2024-04-02T10:15:00Z"));
        assertThat(i.discoveredAt()).isEqualTo(Instant.parse("2024-04-02T10:31:00Z"));
        assertThat(i.reportedAt()).isEqualTo(Instant.parse("2024-04-02T10:33:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2024-04-02T11:20:00Z"));
        assertThat(i.severity()).isEqualTo("SEV2");
        assertThat(i.category().category()).isEqualTo(FailureCategory.EXTERNAL_SHOCK);
        assertThat(i.category().toConfirm()).isTrue();
        assertThat(r.problems()).isEmpty();
    }

    // ---- Rootly (JSON:API-like, the array below "data", paging in "meta") ---------------------------------------

    static final String ROOTLY = """
            {
              "data": [
                {
                  "id": "b7e1c0de-0000-4000-8000-000000000311",
                  "sequential_id": 311,
                  "title": "Login failures for SSO users",
                  "summary": "The identity provider rotated its signing certificate; our cached copy was stale.",
                  "severity": {"name": "SEV1", "slug": "sev1"},
                  "started_at": "2024-05-01T09:00:00.000-07:00",
                  "detected_at": "2024-05-01T09:04:00.000-07:00",
                  "acknowledged_at": "2024-05-01T09:06:00.000-07:00",
                  "mitigated_at": "2024-05-01T09:40:00.000-07:00",
                  "resolved_at": "2024-05-01T10:05:00.000-07:00",
                  "root_cause": "Certificate cache had no refresh on rotation",
                  "lessons_learned": ["Cache certificates with a TTL", "Subscribe to the provider's status feed"],
                  "action_items": [
                    {"summary": "Refresh the JWKS every hour", "assignee": {"name": "Lee"}, "status": "done"},
                    {"summary": "Alert on SSO error rate", "assignee": null, "status": "open"}
                  ],
                  "url": "https://rootly.example/incidents/311"
                }
              ],
              "meta": {"page": 1, "total_count": 1}
            }
            """;

    @Test
    void rootlySuggestion() {
        TabularData data = TabularImporter.parse("rootly.json", ROOTLY);
        assertThat(data.headers()).containsExactly("id", "sequential_id", "title", "summary", "severity.name",
                "severity.slug", "started_at", "detected_at", "acknowledged_at", "mitigated_at", "resolved_at",
                "root_cause", "lessons_learned", "action_items[].summary", "action_items[].assignee.name",
                "action_items[].status", "url");

        ColumnMapping m = ColumnMapping.suggest(data.headers());
        assertThat(m.toMap()).containsExactlyEntriesOf(map(
                "id", "sequential_id", "title", "title", "summary", "summary", "rootCause", "root_cause",
                "startedAt", "started_at", "discoveredAt", "detected_at", "reportedAt", "acknowledged_at",
                "resolvedAt", "resolved_at", "severity", "severity.name", "learnings", "lessons_learned",
                "actionItems", "action_items[].summary", "postmortemUrl", "url"));
        assertThat(m.confidence(MappedField.SEVERITY)).isEqualTo(0.9);
        assertThat(m.confidence(MappedField.POSTMORTEM_URL)).isEqualTo(0.5);
    }

    @Test
    void rootlyValues() {
        ImportResult r = importSuggested("rootly.json", ROOTLY, ZoneOffset.UTC).get(0);
        ImportedIncident i = r.incident();

        assertThat(r.sourceName()).isEqualTo("rootly.json#311");
        assertThat(i.title()).isEqualTo("Login failures for SSO users");
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2024-05-01T16:00:00Z"));
        assertThat(i.discoveredAt()).isEqualTo(Instant.parse("2024-05-01T16:04:00Z"));
        assertThat(i.reportedAt()).isEqualTo(Instant.parse("2024-05-01T16:06:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2024-05-01T17:05:00Z"));
        assertThat(i.severity()).isEqualTo("SEV1");
        assertThat(i.rootCause()).isEqualTo("Certificate cache had no refresh on rotation");
        assertThat(i.learnings()).containsExactly(
                new ImportedLearning("Cache certificates with a TTL", LearningKind.INSIGHT,
                        "column \"lessons_learned\" row 1"),
                new ImportedLearning("Subscribe to the provider's status feed", LearningKind.INSIGHT,
                        "column \"lessons_learned\" row 1"));
        assertThat(i.actionItems()).extracting(ImportedAction::description)
                .containsExactly("Refresh the JWKS every hour", "Alert on SSO error rate");
        assertThat(r.problems()).isEmpty();
    }

    // ---- PagerDuty (US dates, 12-hour clock) ------------------------------------------------------------------

    static final String PAGERDUTY = """
            Incident Number,Title,Description,Service,Urgency,Priority,Status,Created,Acknowledged,Resolved,\
            Assigned To
            4411,[FIRING] API 5xx rate above 5%,Errors after deploy 2024.11.3 of the orders service,orders-api,\
            high,P1,resolved,3/5/2024 2:32 PM,3/5/2024 2:35 PM,3/5/2024 3:10 PM,Sam Okafor
            4412,Disk almost full on db-7,,db,low,P4,resolved,3/12/2024 11:05 AM,,3/12/2024 11:50 AM,
            """;

    @Test
    void pagerDutySuggestion() {
        assertThat(suggested("pd.csv", PAGERDUTY)).containsExactlyEntriesOf(map(
                "id", "Incident Number", "title", "Title", "summary", "Description", "reportedAt", "Created",
                "resolvedAt", "Resolved", "severity", "Priority", "owner", "Assigned To"));
    }

    @Test
    void pagerDutyValuesReadUsDatesMonthFirstInTheImportZone() {
        ZoneId newYork = ZoneId.of("America/New_York");
        List<ImportResult> results = importSuggested("pd.csv", PAGERDUTY, newYork);

        ImportedIncident a = results.get(0).incident();
        assertThat(a.title()).isEqualTo("[FIRING] API 5xx rate above 5%");
        assertThat(a.reportedAt()).isEqualTo(Instant.parse("2024-03-05T19:32:00Z"));
        assertThat(a.resolvedAt()).isEqualTo(Instant.parse("2024-03-05T20:10:00Z"));
        assertThat(a.severity()).isEqualTo("P1");
        assertThat(a.attendees()).containsExactly("Sam Okafor");
        ImportedIncident b = results.get(1).incident();
        assertThat(b.sourceKey()).isEqualTo("4412");
        assertThat(b.reportedAt()).isEqualTo(Instant.parse("2024-03-12T15:05:00Z"));
        assertThat(b.attendees()).isEmpty();
        assertThat(results).allSatisfy(r -> assertThat(r.problems()).isEmpty());
    }

    // ---- Opsgenie (tab-separated, epoch milliseconds) ---------------------------------------------------------

    static final String OPSGENIE = "TinyId\tAlias\tMessage\tStatus\tPriority\tCreatedAt\tUpdatedAt\tOwner\t"
            + "Description\n"
            + "1207\tcpu-high-web-3\tCPU above 95% on web-3\tclosed\tP2\t1709649120000\t1709652720000\t"
            + "ana@example.com\tA runaway cron job saturated the CPU\n";

    @Test
    void opsgenieSuggestionAndValues() {
        assertThat(suggested("alerts.tsv", OPSGENIE)).containsExactlyEntriesOf(map(
                "id", "TinyId", "title", "Message", "summary", "Description", "reportedAt", "CreatedAt",
                "severity", "Priority", "owner", "Owner"));

        ImportResult r = importSuggested("alerts.tsv", OPSGENIE, BERLIN).get(0);
        assertThat(r.sourceName()).isEqualTo("alerts.tsv#1207");
        assertThat(r.incident().title()).isEqualTo("CPU above 95% on web-3");
        assertThat(r.incident().reportedAt()).isEqualTo(Instant.parse("2024-03-05T14:32:00Z"));
        assertThat(r.incident().attendees()).containsExactly("ana@example.com");
        assertThat(r.problems()).isEmpty();
    }

    // ---- Jira issue navigator CSV (repeated columns, custom fields, Jira's date format) -----------------------

    static final String JIRA = """
            Summary,Issue key,Issue id,Issue Type,Status,Priority,Resolution,Assignee,Reporter,Created,Updated,\
            Resolved,Description,Labels,Labels,Custom field (Severity),Custom field (Root Cause),\
            Custom field (Lessons Learned),Custom field (Failure Category),Custom field (Failure Type)
            Nightly export wrote empty files,OPS-311,10442,Incident,Done,High,Fixed,Mia Chen,Leo Park,\
            05/Mar/24 2:32 PM,07/Mar/24 9:00 AM,05/Mar/24 6:10 PM,"The export job ran against a replica that was \
            still restoring, so every file had a header and no rows.",data,export,SEV3,The job read a replica with \
            stale data and no check for empty results,"- Check row counts before publishing
            - Alert when an export is empty",Data gap,Complex
            """;

    @Test
    void jiraSuggestion() {
        TabularData data = TabularImporter.parse("jira.csv", JIRA);
        assertThat(data.headers()).contains("Labels", "Labels (2)");
        ColumnMapping m = ColumnMapping.suggest(data.headers());

        assertThat(m.toMap()).containsExactlyEntriesOf(map(
                "id", "Issue key", "title", "Summary", "summary", "Description",
                "rootCause", "Custom field (Root Cause)", "reportedAt", "Created", "resolvedAt", "Resolved",
                "severity", "Custom field (Severity)", "category", "Custom field (Failure Category)",
                "failureType", "Custom field (Failure Type)", "learnings", "Custom field (Lessons Learned)",
                "owner", "Assignee"));
        assertThat(m.confidence(MappedField.TITLE)).isEqualTo(0.7);
        assertThat(m.confidence(MappedField.OWNER)).isEqualTo(0.6);
    }

    @Test
    void jiraValues() {
        ImportResult r = importSuggested("jira.csv", JIRA, ZoneOffset.UTC).get(0);
        ImportedIncident i = r.incident();

        assertThat(r.sourceName()).isEqualTo("jira.csv#OPS-311");
        assertThat(i.sourceKey()).isEqualTo("ops-311");
        assertThat(i.title()).isEqualTo("Nightly export wrote empty files");
        assertThat(i.summary()).startsWith("The export job ran against a replica");
        assertThat(i.reportedAt()).isEqualTo(Instant.parse("2024-03-05T14:32:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2024-03-05T18:10:00Z"));
        assertThat(i.severity()).isEqualTo("SEV3");
        assertThat(i.category()).isEqualTo(CategorySuggestion.stated(FailureCategory.DATA_GAP));
        assertThat(i.failureType()).isEqualTo(FailureType.COMPLEX);
        assertThat(i.learnings()).extracting(ImportedLearning::text)
                .containsExactly("Check row counts before publishing", "Alert when an export is empty");
        assertThat(i.resolution()).isNull();
        assertThat(r.problems()).isEmpty();
    }

    // ---- JSON variants ------------------------------------------------------------------------------------------

    @Test
    void aJiraRestStyleArrayWithNestedFields() {
        String json = """
                [
                  {"key": "OPS-7", "fields": {"summary": "Queue consumer stuck",
                    "description": "A poison message blocked the consumer.",
                    "severity": {"value": "SEV2"}, "created": "2024-06-10T08:15:00.000+0200",
                    "resolutiondate": "2024-06-10T09:00:00.000+0200", "labels": ["queue", "consumer"]}},
                  {"key": "OPS-8", "fields": {"summary": "Cron drift", "description": null,
                    "severity": null, "created": "2024-06-11T23:59:00.000+0200", "resolutiondate": null,
                    "labels": []}}
                ]
                """;
        TabularData data = TabularImporter.parse("export.json", json);
        assertThat(data.headers()).containsExactly("key", "fields.summary", "fields.description",
                "fields.severity.value", "fields.created", "fields.resolutiondate", "fields.labels",
                "fields.severity");
        assertThat(ColumnMapping.suggest(data.headers()).toMap()).containsExactlyEntriesOf(map(
                "id", "key", "title", "fields.summary", "summary", "fields.description",
                "reportedAt", "fields.created", "resolvedAt", "fields.resolutiondate",
                "severity", "fields.severity.value"));

        List<ImportResult> results = importSuggested("export.json", json, ZoneOffset.UTC);
        assertThat(results).extracting(ImportResult::sourceName)
                .containsExactly("export.json#OPS-7", "export.json#OPS-8");
        ImportedIncident a = results.get(0).incident();
        assertThat(a.title()).isEqualTo("Queue consumer stuck");
        assertThat(a.severity()).isEqualTo("SEV2");
        assertThat(a.reportedAt()).isEqualTo(Instant.parse("2024-06-10T06:15:00Z"));
        assertThat(a.resolvedAt()).isEqualTo(Instant.parse("2024-06-10T07:00:00Z"));
        ImportedIncident b = results.get(1).incident();
        assertThat(b.summary()).isNull();
        assertThat(b.severity()).isNull();
        assertThat(b.resolvedAt()).isNull();
        assertThat(results).allSatisfy(r -> assertThat(r.problems()).isEmpty());
    }

    @Test
    void anIncidentsObjectWithEpochSecondsAndAFollowUpArray() {
        String json = """
                {"incidents": [{"incident_number": 12, "title": "Cache stampede after deploy",
                  "created_at": 1709649120, "resolved_at": "1709652720.5",
                  "follow_ups": [{"title": "[x] Add jitter to cache expiry (owner: Ravi)"}, {"title": "Load test"}],
                  "what_went_well": "Rollback took 2 minutes; Alerts fired at once"}]}
                """;
        Map<String, String> mapping = suggested("x.json", json);
        assertThat(mapping).containsExactlyEntriesOf(map("id", "incident_number", "title", "title",
                "reportedAt", "created_at", "resolvedAt", "resolved_at", "learnings", "what_went_well",
                "actionItems", "follow_ups[].title"));

        ImportedIncident i = importSuggested("x.json", json, ZoneOffset.UTC).get(0).incident();
        assertThat(i.reportedAt()).isEqualTo(Instant.parse("2024-03-05T14:32:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2024-03-05T15:32:00.500Z"));
        assertThat(i.actionItems()).containsExactly(
                new ImportedAction("Add jitter to cache expiry", "Ravi", null, true,
                        "column \"follow_ups[].title\" row 1"),
                new ImportedAction("Load test", null, null, false, "column \"follow_ups[].title\" row 1"));
        assertThat(i.learnings()).containsExactly(
                new ImportedLearning("Rollback took 2 minutes", LearningKind.WENT_WELL,
                        "column \"what_went_well\" row 1"),
                new ImportedLearning("Alerts fired at once", LearningKind.WENT_WELL,
                        "column \"what_went_well\" row 1"));
        assertThat(i.category().category()).isEqualTo(FailureCategory.DESIGN_FLAW);
        assertThat(i.category().toConfirm()).isTrue();
    }

    // ---- a generic export with several learning columns, no id ------------------------------------------------

    @Test
    void aGenericExportWithoutIdGetsAStableHashKey() {
        String csv = """
                Title,Start,Detected,Resolved,Category,What went well,Where we got lucky,Lessons
                DNS change broke mail,2024-02-01 09:00,2024-02-01 09:20,2024-02-01 10:00,process,\
                Fast rollback,Low traffic day,Review DNS changes; Keep TTLs short
                """;
        assertThat(suggested("generic.csv", csv)).containsExactlyEntriesOf(map("title", "Title",
                "startedAt", "Start", "discoveredAt", "Detected", "resolvedAt", "Resolved", "category", "Category",
                "learnings", "What went well", "learnings.2", "Where we got lucky", "learnings.3", "Lessons"));

        List<ImportResult> first = importSuggested("generic.csv", csv, BERLIN);
        List<ImportResult> again = importSuggested("renamed-export.csv", csv, BERLIN);
        ImportedIncident i = first.get(0).incident();

        assertThat(first.get(0).sourceName()).isEqualTo("generic.csv#row 1");
        assertThat(i.sourceKey()).isEqualTo(TabularImporter.hashKey("DNS change broke mail",
                Instant.parse("2024-02-01T08:00:00Z"))).startsWith("row-").hasSize(20);
        assertThat(again.get(0).incident().sourceKey()).isEqualTo(i.sourceKey());
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2024-02-01T08:00:00Z"));
        assertThat(i.category()).isEqualTo(CategorySuggestion.stated(FailureCategory.PROCESS_DEVIATION));
        assertThat(i.learnings()).extracting(ImportedLearning::text, ImportedLearning::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Fast rollback", LearningKind.WENT_WELL),
                org.assertj.core.groups.Tuple.tuple("Low traffic day", LearningKind.GOT_LUCKY),
                org.assertj.core.groups.Tuple.tuple("Review DNS changes", LearningKind.INSIGHT),
                org.assertj.core.groups.Tuple.tuple("Keep TTLs short", LearningKind.INSIGHT));
        assertThat(i.provenance().get(ImportField.LEARNINGS))
                .isEqualTo("columns \"What went well\", \"Where we got lucky\", \"Lessons\" row 1");
        assertThat(first.get(0).problems()).extracting(p -> p.field() + ": " + p.message()).containsExactly(
                "SOURCE_KEY: row 1 has no id column; its key is a hash of title and start, so a title edited in the "
                        + "tool imports as a new incident");
    }

    // ---- re-import and size ---------------------------------------------------------------------------------------

    @Test
    void reImportingTheSameExportGivesEqualResults() {
        for (String[] file : new String[][] {{"incidents.csv", INCIDENT_IO}, {"fh.csv", FIREHYDRANT},
                {"rootly.json", ROOTLY}, {"pd.csv", PAGERDUTY}, {"og.tsv", OPSGENIE}, {"jira.csv", JIRA}}) {
            assertThat(importSuggested(file[0], file[1], BERLIN)).isEqualTo(importSuggested(file[0], file[1], BERLIN));
        }
    }

    /** A guard against quadratic work, not a benchmark: warm, 10,000 rows take under a second on a laptop core. */
    @Test
    void tenThousandRowsReadInSeconds() {
        StringBuilder csv = new StringBuilder("Reference,Name,Summary,Started At,Resolved At,Severity,Follow-ups\n");
        for (int n = 1; n <= 10_000; n++) {
            csv.append("INC-").append(n).append(",Incident ").append(n)
                    .append(",\"A vendor outage, then a retry storm\",2024-03-05T14:02:00Z,3/5/2024 3:47 PM,SEV")
                    .append(n % 4).append(",\"Add jitter\nAdd an alert\"\n");
        }
        long start = System.nanoTime();
        List<ImportResult> results = importSuggested("big.csv", csv.toString(), ZoneOffset.UTC);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(results).hasSize(10_000).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        assertThat(results.get(9_999).incident().actionItems()).hasSize(2);
        assertThat(millis).as("milliseconds for 10,000 rows").isLessThan(30_000);
    }
}
