package dev.failforward.preview;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.preview.jira.PreviewIssue;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saving a screen as the browser posts it never loses a stamped time: an unchanged edit and every transition of both
 * workflows keep Started / Decided / Reported (and the other times) to the nanosecond, in the issue and in its failure
 * record, and the KPIs do not move.
 */
class StampedTimesTest extends PreviewHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a datetime-local input accepts as its value (HTML's valid local date and time string); else it is emptied. */
    private static final Pattern DATETIME_LOCAL = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?");
    private static final String KPIS = "rest/failforward/1.0/kpis?project=OPS,CARE&granularity=month"
            + "&kpi=experiments_started&kpi=hypotheses_tested&kpi=reporting_time_median";

    @Test
    void anExperimentKeepsItsStampsThroughEveryScreen() throws Exception {
        Map<String, String> plan = new LinkedHashMap<>();
        plan.put("project", "OPS");
        plan.put("summary", "Canary deploys for the billing service");
        plan.put("hypothesis", "If billing deploys go to a 5% canary first, then failed deploys reaching all users drop"
                + " below 1 per month because bad builds are caught on few users");
        plan.put("successCriteria", "failed full deploys < 1 per month");
        plan.put("stopCriteria", "canary adds > 30 min to a deploy");
        plan.put("learningGoals", "Does a canary catch the failures we have?");
        plan.put("phase", "EXPERIMENT");
        plan.put("timeBoxDays", "30");
        String key = create(plan, "experiment");

        Map<FailForwardField, Instant> stamps = unchangedEditKeeps(key);
        stamps = transition(key, 11, Map.of(), stamps);
        stamps = unchangedEditKeeps(key);
        stamps = transition(key, 12, Map.of(), stamps);
        stamps = transition(key, 11, Map.of(), stamps);
        stamps = transition(key, 21, null, stamps);
        assertThat(stamps).as("Start stamps Started").containsKey(FailForwardField.STARTED_AT);
        stamps = unchangedEditKeeps(key);
        stamps = transition(key, 31, null, stamps);
        stamps = unchangedEditKeeps(key);
        stamps = transition(key, 32, null, stamps);
        stamps = transition(key, 31, null, stamps);
        stamps = transition(key, 41, Map.of("outcome", "REFUTED", "decision", "PIVOT",
                "decisionRationale", "The canary caught 1 of 4 failures: most came from config, not builds."), stamps);
        assertThat(stamps).as("Decide stamps Decided").containsKey(FailForwardField.DECIDED_AT);
        unchangedEditKeeps(key);
    }

    @Test
    void anIncidentKeepsItsStampsThroughEveryScreen() throws Exception {
        Map<String, String> report = new LinkedHashMap<>();
        report.put("project", "CARE");
        report.put("summary", "Lab results sent to the wrong ward");
        report.put("discoveredAt", "2026-11-30T22:15");
        String key = create(report, "incident");

        Map<FailForwardField, Instant> stamps = unchangedEditKeeps(key);
        assertThat(stamps).as("Report stamps Reported").containsKeys(FailForwardField.REPORTED_AT, FailForwardField.DISCOVERED_AT);
        stamps = transition(key, 11, null, stamps);
        stamps = unchangedEditKeeps(key);
        Map<String, String> analysis = Map.of("failureType", "COMPLEX", "failureCategory", "PROCESS_DEVIATION",
                "failureMode", "PROCESS", "fiveWhys", "1. Why the wrong ward? The bed moved.\n2. Why not updated? Moves are entered at shift end.");
        stamps = transition(key, 21, analysis, stamps);
        stamps = transition(key, 22, null, stamps);
        stamps = transition(key, 21, analysis, stamps);
        stamps = unchangedEditKeeps(key);
        // Close counts the failure record's learnings and action items (the one home), not the old text fields
        for (String text : List.of("Bed moves reach the lab late", "The ward is read at order time",
                "Nobody saw the mismatch")) {
            assertThat(post("/jira/records/" + key + "/learnings", Map.of("text", text, "kind", "insight"))
                    .statusCode()).isEqualTo(302);
        }
        for (String description : List.of("Route by patient, not ward", "Enter moves when they happen")) {
            Map<String, String> action = new LinkedHashMap<>();
            action.put("description", description);
            action.put("owner", "demo");
            action.put("dueDate", "2026-12-31");
            action.put("type", "prevent");
            action.put("checkInDate", "");
            assertThat(post("/jira/records/" + key + "/actions", action).statusCode()).isEqualTo(302);
        }
        stamps = transition(key, 31, Map.of(
                "learnings", "- Bed moves reach the lab late\n- The ward is read at order time\n- Nobody saw the mismatch",
                "nextSteps", "- Route by patient, not ward\n- Enter moves when they happen"), stamps);
        unchangedEditKeeps(key);
    }

    @Test
    void theScreensShowStampsInTheInputsFormatAndTheViewInTheUsersZone() throws Exception {
        Map<String, String> report = new LinkedHashMap<>();
        report.put("project", "CARE");
        report.put("summary", "Pump alarm silenced");
        report.put("discoveredAt", "2026-11-30T22:15");
        String key = create(report, "incident");
        Document edit = Jsoup.parse(get("/jira/issues/" + key + "/edit").body());
        String reported = edit.selectFirst("input#reportedAt").attr("value");
        assertThat(reported).as("to the minute, as datetime-local takes it").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
        assertThat(edit.selectFirst("input[name=shown.reportedAt]").attr("value")).isEqualTo(reported);
        assertThat(Jsoup.parse(get("/jira/issues/" + key).body()).select("[data-field=reportedAt]").text())
                .as("no ISO instant on the view: Jira's default format").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T")
                .matches("\\d{2}/\\w{3}/\\d{2} \\d{1,2}:\\d{2} [AP]M");
    }

    @Test
    void anEmptiedInputClearsButAnAbsentOrUnshownOneKeeps() throws Exception {
        Map<String, String> report = new LinkedHashMap<>();
        report.put("project", "CARE");
        report.put("summary", "Oxygen order lost");
        report.put("discoveredAt", "2026-11-30T22:15");
        String key = create(report, "incident");
        Instant reported = issueStamps(key).get(FailForwardField.REPORTED_AT);

        assertThat(post("/jira/issues/" + key + "/edit", Map.of("summary", "Oxygen order lost", "reportedAt", "")).statusCode())
                .isEqualTo(302);
        assertThat(issueStamps(key).get(FailForwardField.REPORTED_AT)).as("no shown value: not a clear").isEqualTo(reported);

        Map<String, String> cleared = browserForm("/jira/issues/" + key + "/edit");
        cleared.put("resolvedAt", "2026-12-01T09:00");
        cleared.put("discoveredAt", "");
        assertThat(post("/jira/issues/" + key + "/edit", cleared).statusCode()).isEqualTo(302);
        Map<FailForwardField, Instant> after = issueStamps(key);
        assertThat(after).as("emptied by the user: cleared").doesNotContainKey(FailForwardField.DISCOVERED_AT);
        assertThat(after.get(FailForwardField.REPORTED_AT)).isEqualTo(reported);
        assertThat(record(key).resolvedAt()).as("read in the user's zone")
                .isEqualTo(java.time.LocalDateTime.parse("2026-12-01T09:00").atZone(java.time.ZoneId.systemDefault()).toInstant());
    }

    @Test
    void aCreateErrorKeepsSummaryAndProject() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("project", "CARE");
        form.put("summary", "Wrong dose on the label");
        HttpResponse<String> refused = post("/jira/issues/new?type=incident", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.selectFirst("input#summary").attr("value")).isEqualTo("Wrong dose on the label");
        assertThat(page.select("select#project option[selected]").eachAttr("value")).containsExactly("CARE");
    }

    // ----- helpers

    private String create(Map<String, String> form, String type) throws Exception {
        HttpResponse<String> created = post("/jira/issues/new?type=" + type, form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring("/jira/issues/".length(), location.indexOf('?'));
    }

    /** The screen's fields as a browser posts them; a date-time value the input does not accept is posted empty. */
    private Map<String, String> browserForm(String path) throws Exception {
        HttpResponse<String> screen = get(path);
        assertThat(screen.statusCode()).as(path).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        for (Element input : Jsoup.parse(screen.body()).select("form.ff-issue-form").select("input, textarea, select")) {
            String name = input.attr("name");
            if (name.isEmpty()) {
                continue;
            }
            String value = switch (input.tagName()) {
                case "textarea" -> input.wholeText();
                case "select" -> input.select("option[selected]").eachAttr("value").stream().findFirst().orElse("");
                default -> input.attr("value");
            };
            if ("datetime-local".equals(input.attr("type")) && !DATETIME_LOCAL.matcher(value).matches()) {
                value = "";
            }
            form.put(name, value);
        }
        return form;
    }

    /** An unchanged edit screen saved: every stamp and the KPIs stay; returns the stamps. */
    private Map<FailForwardField, Instant> unchangedEditKeeps(String key) throws Exception {
        Map<FailForwardField, Instant> before = issueStamps(key);
        String kpis = settledKpis(-1);
        long applied = host.services().kpiApplier.applied();
        HttpResponse<String> saved = post("/jira/issues/" + key + "/edit", browserForm("/jira/issues/" + key + "/edit"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(issueStamps(key)).as("the issue's stamps after an unchanged edit of " + key).isEqualTo(before);
        assertThat(recordStamps(key)).as("the failure record's stamps").isEqualTo(toMillis(before));
        assertThat(settledKpis(applied)).as("the KPIs after an unchanged edit").isEqualTo(kpis);
        return before;
    }

    /** A transition, through its screen (with these changes) or without one ({@code changes} null): earlier stamps stay. */
    private Map<FailForwardField, Instant> transition(String key, int id, Map<String, String> changes,
                                                      Map<FailForwardField, Instant> before) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        if (changes != null) {
            form.putAll(browserForm("/jira/issues/" + key + "/transition/" + id));
            form.putAll(changes);
        }
        HttpResponse<String> done = post("/jira/issues/" + key + "/transition/" + id, form);
        assertThat(done.statusCode()).as("transition " + id + " of " + key + ": " + done.body()).isEqualTo(302);
        Map<FailForwardField, Instant> after = issueStamps(key);
        assertThat(after).as("the stamps after transition " + id).containsAllEntriesOf(before);
        assertThat(recordStamps(key)).as("the failure record's stamps").isEqualTo(toMillis(after));
        return after;
    }

    private Map<FailForwardField, Instant> issueStamps(String key) {
        PreviewIssue issue = host.services().jira.issues().find(key).orElseThrow();
        Map<FailForwardField, Instant> stamps = new LinkedHashMap<>();
        for (FailForwardField field : FailForwardField.values()) {
            if (field.kind() == FailForwardField.Kind.DATE_TIME) {
                Object value = issue.getCustomFieldValue(host.services().jira.registry().field(field).orElseThrow());
                if (value instanceof Date date) {
                    stamps.put(field, date.toInstant());
                }
            }
        }
        return stamps;
    }

    /** The failure database keeps times to the millisecond (as Jira's issue tables do). */
    private static Map<FailForwardField, Instant> toMillis(Map<FailForwardField, Instant> stamps) {
        Map<FailForwardField, Instant> millis = new LinkedHashMap<>();
        stamps.forEach((field, at) -> millis.put(field, at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        return millis;
    }

    private FailureRecord record(String key) {
        return host.services().failureDb.details(key).record();
    }

    private Map<FailForwardField, Instant> recordStamps(String key) {
        FailureRecord r = record(key);
        Map<FailForwardField, Instant> stamps = new LinkedHashMap<>();
        put(stamps, FailForwardField.STARTED_AT, r.startedAt());
        put(stamps, FailForwardField.DECIDED_AT, r.decidedAt());
        put(stamps, FailForwardField.DISCOVERED_AT, r.discoveredAt());
        put(stamps, FailForwardField.REPORTED_AT, r.reportedAt());
        put(stamps, FailForwardField.RESOLVED_AT, r.resolvedAt());
        return stamps;
    }

    private static void put(Map<FailForwardField, Instant> stamps, FailForwardField field, Instant at) {
        if (at != null) {
            stamps.put(field, at);
        }
    }

    /**
     * The KPIs once the applier has applied the changes logged after {@code appliedBefore} batches (or 3 s passed:
     * a save that changed nothing may log nothing).
     */
    private String settledKpis(long appliedBefore) throws Exception {
        long until = System.nanoTime() + 3_000_000_000L;
        while (host.services().kpiApplier.applied() <= appliedBefore && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        for (long seen = -1; seen != host.services().kpiApplier.applied(); ) { // then quiet for 300 ms
            seen = host.services().kpiApplier.applied();
            Thread.sleep(300);
        }
        HttpResponse<String> kpis = get(KPIS);
        assertThat(kpis.statusCode()).as(kpis.body()).isEqualTo(200);
        return JSON.readTree(kpis.body()).path("kpis").toString();
    }
}
