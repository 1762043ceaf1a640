package dev.failforward.core.importing.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failforward.core.importing.ImportField;
import dev.failforward.core.importing.ImportProblem;
import dev.failforward.core.importing.ImportResult;
import dev.failforward.core.importing.ImportedAction;
import dev.failforward.core.importing.ImportedIncident;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureMode;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.LearningKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownPostMortemParserTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private final MarkdownPostMortemParser parser = new MarkdownPostMortemParser();

    private ImportedIncident parse(String content) {
        ImportResult result = parser.parse("incident.md", content, ZoneOffset.UTC, NOW);
        assertThat(result.importable()).as(result.problems().toString()).isTrue();
        return result.incident();
    }

    private ImportResult result(String content) {
        return parser.parse("incident.md", content, ZoneOffset.UTC, NOW);
    }

    // ---- time zones ------------------------------------------------------------------------------------------

    @Test
    void frontMatterTimeZoneAppliesToTimesWithoutZone() {
        ImportedIncident i = parse("""
                ---
                date: 2024-07-01
                timezone: America/Los_Angeles
                detected: 2024-07-01 09:00
                ---
                # Outage
                """);

        assertThat(i.discoveredAt()).isEqualTo(Instant.parse("2024-07-01T16:00:00Z"));
        assertThat(i.provenance().get(ImportField.DISCOVERED_AT)).isEqualTo("front matter \"detected\"");
        assertThat(i.provenance().get(ImportField.TIME_ZONE)).isEqualTo("front matter \"timezone\"");
    }

    @Test
    void aZoneWrittenAtTheTimeWinsOverTheStatedOne() {
        ImportedIncident i = parse("""
                # Outage
                All times in PST.

                Date: 2024-01-10
                Detected: 10:00
                Resolved: 19:30 UTC
                """);

        assertThat(i.discoveredAt()).isEqualTo(Instant.parse("2024-01-10T18:00:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2024-01-10T19:30:00Z"));
    }

    @Test
    void theTimelineHeadingStatesItsZone() {
        ImportedIncident i = parse("""
                # Outage on 2024-05-02
                ## Timeline (CEST)
                - 10:00 deploy
                - 10:05 alert fires
                """);

        assertThat(i.discoveredAt()).isEqualTo(Instant.parse("2024-05-02T08:05:00Z"));
    }

    @Test
    void withoutAnyStatedZoneTheImportDefaultIsUsed() {
        ImportResult r = parser.parse("x.md", "# X\nDate: 2024-02-01\nDetected: 12:00\n", ZoneId.of("Asia/Kolkata"),
                NOW);

        assertThat(r.incident().discoveredAt()).isEqualTo(Instant.parse("2024-02-01T06:30:00Z"));
        assertThat(r.incident().provenance().get(ImportField.TIME_ZONE)).isEqualTo("import default");
    }

    @Test
    void aTimelinePastMidnightMovesToTheNextDay() {
        ImportedIncident i = parse("""
                # Night
                Date: 2024-03-01
                ## Timeline
                - 23:30 job starts
                - 00:40 alert fires
                - 02:10 resolved
                """);

        assertThat(i.discoveredAt()).isEqualTo(Instant.parse("2024-03-02T00:40:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2024-03-02T02:10:00Z"));
        assertThat(i.timeline()).hasSize(3);
    }

    @Test
    void timesWithoutAnyDateAreAProblemNotAGuess() {
        ImportResult r = result("""
                # Outage
                ## Timeline
                - 10:00 alert fires
                """);

        assertThat(r.incident().discoveredAt()).isNull();
        assertThat(r.problems()).extracting(ImportProblem::field).contains(ImportField.TIMELINE);
    }

    @Test
    void aTimeInTheFutureIsDropped() {
        ImportResult r = result("# X\nDetected: 2030-01-01 10:00 UTC\n");

        assertThat(r.incident().discoveredAt()).isNull();
        assertThat(r.problems()).anyMatch(p -> p.field() == ImportField.DISCOVERED_AT
                && p.message().contains("future"));
    }

    // ---- durations -------------------------------------------------------------------------------------------

    @Test
    void timeToDetectionCountsFromTheStartAndTimeToRecoveryFromDetection() {
        ImportedIncident i = parse("""
                # Lag
                - Start: 2024-06-01 22:10 UTC
                - Time to detection: 10 minutes
                - Time to recovery: 4 hours 42 minutes
                """);

        assertThat(i.startedAt()).isEqualTo(Instant.parse("2024-06-01T22:10:00Z"));
        assertThat(i.discoveredAt()).isEqualTo(Instant.parse("2024-06-01T22:20:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2024-06-02T03:02:00Z"));
        assertThat(i.provenance().get(ImportField.DISCOVERED_AT)).startsWith("stat \"Time to detection\" line 3");
    }

    @Test
    void durationCountsFromTheStart() {
        ImportedIncident i = parse("# DNS\nStart: 2024-02-20 13:00 UTC\nDuration: 1h 20m\n");

        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2024-02-20T14:20:00Z"));
    }

    @Test
    void aDurationGivesAMissingStartBackwards() {
        ImportedIncident i = parse("# X\nDetected: 2024-02-20 13:30 UTC\nTime to detect: 30m\n");

        assertThat(i.startedAt()).isEqualTo(Instant.parse("2024-02-20T13:00:00Z"));
    }

    @Test
    void anExplicitTimeWinsOverADuration() {
        ImportedIncident i = parse("# X\nStart: 2024-02-20 13:00 UTC\nTime to detection: 1 hour\n"
                + "Detected: 2024-02-20 13:10 UTC\n");

        assertThat(i.discoveredAt()).isEqualTo(Instant.parse("2024-02-20T13:10:00Z"));
    }

    @Test
    void aDurationThatIsNoneIsAProblem() {
        ImportResult r = result("# X\nStart: 2024-02-20 13:00 UTC\nDuration: unknown\n");

        assertThat(r.incident().resolvedAt()).isNull();
        assertThat(r.problems()).anyMatch(p -> p.message().contains("not a duration"));
    }

    // ---- headings --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "## 2. Root Causes;ROOT_CAUSE", "### Root cause(s):;ROOT_CAUSE", "**Impact:**;IMPACT",
            "# WHAT WENT WELL;WENT_WELL", "## What didn't go so well;WENT_WRONG", "## Where we got lucky!;LUCKY",
            "## Follow-ups;ACTIONS", "## Corrective actions;ACTIONS", "## Next steps;ACTIONS",
            "## Remediation;ACTIONS", "## Lessons learnt;LESSONS", "## Key takeaways;LESSONS",
            "## 5 Whys;WHYS", "## The five whys;WHYS", "## ⏱️ Timeline (UTC);TIMELINE",
            "## Incident summary;SUMMARY",
            "## Executive summary;SUMMARY", "## IV. Resolution;RESOLUTION", "## Contributing factors;CONTRIBUTING",
            "## Trigger;TRIGGER", "## Attendees;ATTENDEES", "Detection:;DETECTION"})
    void headingVariantsNameTheirSection(String heading, SectionKind kind) {
        MarkdownDocument doc = MarkdownDocument.parse(heading + "\nsome text\n");

        assertThat(doc.sections).extracting(MarkdownDocument.Section::kind).containsExactly(kind);
    }

    @Test
    void aDateHeadingInsideTheTimelineStaysInTheTimeline() {
        ImportedIncident i = parse("""
                # Stale report
                ## Timeline
                ### Monday 4 March 2024
                - 09:30 analyst notices stale data
                ### Tuesday 5 March 2024
                - 08:00 back to normal
                """);

        assertThat(i.discoveredAt()).isEqualTo(Instant.parse("2024-03-04T09:30:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2024-03-05T08:00:00Z"));
    }

    @Test
    void titleSkipsPostMortemPrefixesAndFallsBackToTheFileName() {
        assertThat(parse("# Post-mortem: Disk full\n").title()).isEqualTo("Disk full");
        assertThat(parse("# Incident report – Disk full\n").title()).isEqualTo("Disk full");
        ImportResult n = parser.parse("notes/2024-03-05_db_outage.md", "## Impact\n", ZoneOffset.UTC, NOW);
        assertThat(n.incident().title()).isEqualTo("2024 03 05 db outage");
        assertThat(n.incident().provenance().get(ImportField.TITLE)).isEqualTo("file name");
    }

    @Test
    void aLongTitleIsCutToTheSummaryLength() {
        ImportResult r = result("# " + "x".repeat(300) + "\n");

        assertThat(r.incident().title()).hasSize(255).endsWith("…");
        assertThat(r.problems()).anyMatch(p -> p.field() == ImportField.TITLE);
    }

    // ---- tables and lists ------------------------------------------------------------------------------------

    @Test
    void actionTablesReadOwnerDueAndStatusColumns() {
        ImportedIncident i = parse("""
                # X
                ## Action items
                | Due date | Action | Assignee | Status |
                |---|---|---|---|
                | 2024-09-30 | Make health checks dependency-aware | Andrei | In progress |
                | Sep 10, 2024 | Update the runbook | @bea | ✅ Done |
                |  | Game day | TBD | Not done |
                """);

        assertThat(i.actionItems()).containsExactly(
                new ImportedAction("Make health checks dependency-aware", "Andrei", LocalDate.of(2024, 9, 30), false,
                        "section \"Action items\" table row line 5"),
                new ImportedAction("Update the runbook", "bea", LocalDate.of(2024, 9, 10), true,
                        "section \"Action items\" table row line 6"),
                new ImportedAction("Game day", null, null, false, "section \"Action items\" table row line 7"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "- [ ] Add alerts (@lee.chen);Add alerts;lee.chen;;false",
            "- [x] Roll back (owner: Dana Ortiz);Roll back;Dana Ortiz;;true",
            "- Stop pinning — Marta Kowalski, due 2024-03-01;Stop pinning;Marta Kowalski;2024-03-01;false",
            "1. Add keys (@jo) due 2024-12-15;Add keys;jo;2024-12-15;false",
            "* Enforce list — owner: Clara, due 2024-07-01;Enforce list;Clara;2024-07-01;false",
            "- Test reminder (owner: Growth team, due 2024-10-01);Test reminder;Growth team;2024-10-01;false",
            "- Fix the retry (done);Fix the retry;;;true",
            "- Swap the router — Jürg Müller, due 2024-06-30;Swap the router;Jürg Müller;2024-06-30;false",
            "- [ ] Write the checklist (Petra);Write the checklist;Petra;;false",
            "- [ ] Add a button (Luca, by 2024-10-31);Add a button;Luca;2024-10-31;false",
            "1. Name an owner. Owner: Grace. Due: 2024-01-31.;Name an owner;Grace;2024-01-31;false",
            "- Replace charger 7 — Facilities, done 2024-08-16;Replace charger 7;Facilities;;false",
            "- Just a thing to do;Just a thing to do;;;false"})
    void actionItemsReadOwnersDueDatesAndDoneMarks(String line, String description, String owner, String due,
                                                  boolean done) {
        ImportedAction a = parse("# X\n## Follow-ups\n" + line + "\n").actionItems().get(0);

        assertThat(a.description()).isEqualTo(description);
        assertThat(a.owner()).isEqualTo(owner);
        assertThat(a.dueDate()).isEqualTo(due == null ? null : LocalDate.parse(due));
        assertThat(a.done()).isEqualTo(done);
    }

    @Test
    void timelineTablesWithDateAndTimeColumns() {
        ImportedIncident i = parse("""
                # X
                ## Timeline
                All times CET.

                | Date | Time | Event |
                |------|------|-------|
                | 2024-02-12 | 08:10 | First declines |
                | 2024-02-12 | 08:21 | Monitor alerts on-call |
                | 2024-02-12 | 08:30 | Incident declared |
                | 2024-02-12 | 09:25 | Payments recovered |
                """);

        assertThat(i.timeline()).hasSize(4);
        assertThat(i.timeline().get(1).text()).isEqualTo("Monitor alerts on-call");
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2024-02-12T07:10:00Z"));
        assertThat(i.discoveredAt()).isEqualTo(Instant.parse("2024-02-12T07:21:00Z"));
        assertThat(i.reportedAt()).isEqualTo(Instant.parse("2024-02-12T07:30:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2024-02-12T08:25:00Z"));
        assertThat(i.provenance().get(ImportField.RESOLVED_AT)).isEqualTo("section \"Timeline\" line 10");
    }

    @Test
    void negatedWordsInTheTimelineDoNotCount() {
        ImportedIncident i = parse("""
                # X
                Date: 2024-02-12
                ## Timeline
                - 02:00 job fails, no alert
                - 03:00 not resolved yet
                - 09:30 analyst notices the gap
                - 10:00 back to normal
                """);

        assertThat(i.discoveredAt()).isEqualTo(Instant.parse("2024-02-12T09:30:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2024-02-12T10:00:00Z"));
    }

    @Test
    void statsInAKeyValueTable() {
        ImportedIncident i = parse("""
                # X
                ## Incident details
                | Field | Value |
                |---|---|
                | Severity | SEV1 |
                | Detected | 2024-07-02 10:15 UTC |
                | Category | Data gap |
                | Failure type | Basic |
                """);

        assertThat(i.severity()).isEqualTo("SEV1");
        assertThat(i.discoveredAt()).isEqualTo(Instant.parse("2024-07-02T10:15:00Z"));
        assertThat(i.category().category()).isEqualTo(FailureCategory.DATA_GAP);
        assertThat(i.category().toConfirm()).isFalse();
        assertThat(i.failureType()).isEqualTo(FailureType.BASIC);
    }

    @Test
    void theFailureModeIsReadOnlyWhereItIsStated() {
        ImportedIncident stat = parse("""
                # X
                Failure mode: Outcome (the process was followed)
                """);
        assertThat(stat.failureMode()).isEqualTo(FailureMode.OUTCOME);
        assertThat(stat.provenance().get(ImportField.FAILURE_MODE)).startsWith("stat \"Failure mode\"");

        ImportedIncident front = parse("""
                ---
                failure_mode: process
                ---
                # X
                """);
        assertThat(front.failureMode()).isEqualTo(FailureMode.PROCESS);

        assertThat(parse("# X\nThe deploy process failed twice.\n").failureMode()).as("never guessed").isNull();
        ImportResult wrong = result("""
                # X
                Failure mode: sideways
                """);
        assertThat(wrong.incident().failureMode()).isNull();
        assertThat(wrong.problems()).anyMatch(p -> p.field() == ImportField.FAILURE_MODE
                && p.message().contains("sideways") && p.line() == 2);
    }

    @Test
    void learningsTakeTheirKindFromTheSection() {
        ImportedIncident i = parse("""
                # X
                ## Lessons learned
                ### What went well
                - fast rollback
                ### What went wrong
                - no alert
                  on the job
                ### Where we got lucky
                - quiet day
                ## Takeaways
                Batch jobs need progress alerts.
                """);

        assertThat(i.learnings()).extracting(l -> l.kind() + ":" + l.text()).containsExactly(
                "WENT_WELL:fast rollback", "SURPRISE:no alert on the job", "GOT_LUCKY:quiet day",
                "INSIGHT:Batch jobs need progress alerts.");
    }

    @Test
    void fiveWhysAreReadAsAChain() {
        ImportedIncident i = parse("""
                # X
                ## 5 whys
                1. Why did it fail? Because the chain expired.
                2. Why? Because the vendor did not rotate it.
                """);

        assertThat(i.whys()).hasSize(2);
    }

    @Test
    void pagerDutyStatsAndStatLinesWithSeveralParts() {
        ImportedIncident i = parse("""
                # Incident #4821 — Webhooks delayed
                Site: C · Date: 2024-08-15 · All times local (CEST)
                Triggered at: 2024-12-09T16:02:11Z
                Acknowledged at: 2024-12-09T16:05:40Z
                ## Timeline
                | Time | Event |
                |---|---|
                | 14:05 | alarm |
                """);

        assertThat(i.title()).isEqualTo("Webhooks delayed");
        assertThat(i.discoveredAt()).isEqualTo(Instant.parse("2024-12-09T16:02:11Z"));
        assertThat(i.reportedAt()).isEqualTo(Instant.parse("2024-12-09T16:05:40Z"));
        assertThat(i.timeline().get(0).at()).isEqualTo(Instant.parse("2024-08-15T12:05:00Z"));
    }

    @Test
    void aFileThatIsNotUtf8SaysSo() {
        ImportResult r = result("# Caf\uFFFD outage\n");

        assertThat(r.importable()).isTrue();
        assertThat(r.problems()).anyMatch(p -> p.field() == ImportField.FILE && p.message().contains("UTF-8"));
    }

    // ---- category ------------------------------------------------------------------------------------------

    @Test
    void anUnknownStatedCategoryIsAProblemAndASuggestionIsMade() {
        ImportResult r = result("---\ncategory: gremlins\n---\n# X\n## Root cause\nThe vendor's upstream provider "
                + "had an outage at their side.\n");

        assertThat(r.problems()).anyMatch(p -> p.field() == ImportField.CATEGORY);
        assertThat(r.incident().category().category()).isEqualTo(FailureCategory.EXTERNAL_SHOCK);
        assertThat(r.incident().category().toConfirm()).isFalse();
    }

    @Test
    void aWeakSuggestionIsToConfirm() {
        ImportedIncident i = parse("# X\n## Root cause\nA checklist existed.\n");

        assertThat(i.category().category()).isEqualTo(FailureCategory.PROCESS_DEVIATION);
        assertThat(i.category().toConfirm()).isTrue();
        assertThat(i.provenance().get(ImportField.CATEGORY)).startsWith("suggested from the text, words: checklist");
    }

    @Test
    void noWordsOfTheTaxonomyGiveNoCategory() {
        assertThat(parse("# Something odd\nIt happened.\n").category()).isNull();
    }

    // ---- front matter, keys and broken files -----------------------------------------------------------------

    @Test
    void frontMatterListsAndIdsAreRead() {
        ImportedIncident i = parse("""
                ---
                id: "INC 2207"
                title: Search broke
                attendees:
                  - Nora
                  - Felix
                tags: [a, b]
                ---
                ## Attendees
                Sam, Nora and Lee
                """);

        assertThat(i.sourceKey()).isEqualTo("inc-2207");
        assertThat(i.title()).isEqualTo("Search broke");
        assertThat(i.attendees()).containsExactly("Nora", "Felix", "Sam", "Lee");
    }

    @Test
    void frontMatterThatIsNotPlainIsAProblem() {
        ImportResult r = result("---\ntitle: X\ndescription: |\n  long text\n---\n# X\n");

        assertThat(r.problems()).extracting(ImportProblem::line).contains(3, 4);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "postmortems/2024-03-05 DB Outage.md;2024-03-05-db-outage",
            "2024-03-05_db_outage.MD;2024-03-05-db-outage", "C:\\pm\\Ünïcode!.markdown;n-code", "...md;unnamed"})
    void sourceKeysAreNormalisedFileNames(String name, String key) {
        assertThat(ImportedIncident.sourceKey(name)).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n\n", "\u0000\u0001PK binary"})
    void emptyAndBinaryFilesGiveNoIncident(String content) {
        ImportResult r = result(content);

        assertThat(r.importable()).isFalse();
        assertThat(r.problems()).singleElement().extracting(ImportProblem::field).isEqualTo(ImportField.FILE);
    }

    @Test
    void hugeFilesAreRefused() {
        ImportResult r = result("# X\n" + "y".repeat(MarkdownPostMortemParser.MAX_CHARS));

        assertThat(r.importable()).isFalse();
        assertThat(r.problems().get(0).message()).contains("more than");
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void aLargeAllowedFileParsesInLinearTime() {
        StringBuilder b = new StringBuilder("# Big\nDate: 2024-01-01\n## Timeline\n");
        while (b.length() < MarkdownPostMortemParser.MAX_CHARS - 20_000) {
            b.append("- 10:00 alert fires again and again (owner: Sam) — Jo, due 2024-02-01 **bold** `x`\n");
        }
        b.append("## Action items\n").append("- a very long item ".repeat(500)).append('\n');
        ImportResult r = result(b.toString());

        assertThat(r.incident().discoveredAt()).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
    }

    @Test
    void aFileWithoutHeadingsIsStillReadAndSaysSo() {
        ImportResult r = result("Disk full on the log cluster\n\nWe deleted old indices.\n");

        assertThat(r.incident().title()).isEqualTo("Disk full on the log cluster");
        assertThat(r.incident().summary()).isEqualTo("Disk full on the log cluster\nWe deleted old indices.");
        assertThat(r.problems()).anyMatch(p -> p.message().startsWith("no known section headings"));
    }

    @Test
    void codeBlocksHoldNoHeadings() {
        ImportedIncident i = parse("# Real title\n```\n# not a heading\n## Impact\n```\n");

        assertThat(i.impact()).isNull();
        assertThat(i.title()).isEqualTo("Real title");
    }

    @Test
    void learningKindsMapOntoTheFailureDatabase() {
        assertThat(LearningKind.values()).contains(LearningKind.WENT_WELL, LearningKind.GOT_LUCKY,
                LearningKind.SURPRISE, LearningKind.INSIGHT);
    }
}
