package dev.failforward.preview;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failure record page over HTTP: issues reach it through the plugin's projection, and learnings, action items and
 * check-ins go through the plugin's failure-database service.
 */
class RecordPageTest extends PreviewHttpTest {

    private static final String HYPOTHESIS = "If we add a pre-deploy checklist, then deploy failures drop below 2 per month"
            + " because most failed deploys skipped a manual step";

    private Document record(String key) throws Exception {
        HttpResponse<String> response = get("/jira/records/" + key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private static String field(Document page, String key) {
        return page.selectFirst("[data-field=" + key + "]").text();
    }

    private String createExperiment() throws Exception {
        Map<String, String> form = plan();
        HttpResponse<String> created = post("/jira/issues/new?type=experiment", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring("/jira/issues/".length(), location.indexOf('?'));
    }

    private static Map<String, String> plan() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("project", "OPS");
        form.put("summary", "Pre-deploy checklist");
        form.put("hypothesis", HYPOTHESIS);
        form.put("successCriteria", "deploy failures < 2 per month");
        form.put("stopCriteria", "deploy failures > 6 per month");
        form.put("learningGoals", "Which manual steps get skipped, and why");
        form.put("phase", "EXPLORE");
        form.put("budget", "1500");
        form.put("timeBoxDays", "14");
        return form;
    }

    private static Map<String, String> action(String description, String dueDate) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("description", description);
        form.put("owner", "demo");
        form.put("dueDate", dueDate);
        form.put("type", "prevent");
        form.put("checkInDate", "");
        return form;
    }

    @Test
    void createTransitionAndEditUpdateTheRecordThroughTheProjection() throws Exception {
        String key = createExperiment();
        Document draft = record(key);
        assertThat(field(draft, "kind")).isEqualTo("Experiment");
        assertThat(draft.selectFirst("#status").text()).isEqualTo("Draft");
        assertThat(field(draft, "phase")).isEqualTo("Explore");
        assertThat(field(draft, "hypothesisCondition")).isEqualTo("we add a pre-deploy checklist");
        assertThat(field(draft, "hypothesisOutcome")).isEqualTo("deploy failures drop below 2 per month");
        assertThat(field(draft, "hypothesisRationale")).isEqualTo("most failed deploys skipped a manual step");
        assertThat(field(draft, "successCriteria")).isEqualTo("deploy failures < 2 per month");
        assertThat(field(draft, "startedAt")).isEqualTo("None");
        assertThat(field(draft, "labels")).isEqualTo("None");

        assertThat(post("/jira/issues/" + key + "/transition/11", plan()).statusCode()).isEqualTo(302);
        assertThat(post("/jira/issues/" + key + "/transition/21", Map.of()).statusCode()).isEqualTo(302);
        Document running = record(key);
        assertThat(running.selectFirst("#status").text()).isEqualTo("Running");
        assertThat(field(running, "startedAt")).as("the post-function's stamp, projected").matches("\\d\\d/[A-Z][a-z]{2}/\\d\\d \\d{1,2}:\\d\\d [AP]M");

        Map<String, String> edit = plan();
        edit.put("summary", "Pre-deploy checklist, v2");
        edit.put("phase", "EXPERIMENT");
        assertThat(post("/jira/issues/" + key + "/edit", edit).statusCode()).isEqualTo(302);
        Document edited = record(key);
        assertThat(edited.selectFirst("h2").text()).isEqualTo("Pre-deploy checklist, v2");
        assertThat(field(edited, "phase")).isEqualTo("Experiment");

        // linked from the issue page and from the start page's failure database
        assertThat(Jsoup.parse(get("/jira/issues/" + key).body()).select("a#record-link").attr("href")).isEqualTo("/jira/records/" + key);
        assertThat(Jsoup.parse(get("/").body()).select(".ff-records a[href=/jira/records/" + key + "]").text()).isEqualTo(key);
    }

    @Test
    void anIncidentsRecordShowsItsTimesAndClassification() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("project", "CARE");
        form.put("summary", "Wrong wristband printed at admission");
        form.put("discoveredAt", "2026-11-20T08:30");
        HttpResponse<String> created = post("/jira/issues/new?type=incident", form);
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        String key = location.substring("/jira/issues/".length(), location.indexOf('?'));

        post("/jira/issues/" + key + "/transition/11", Map.of());
        form.put("failureType", "BASIC");
        form.put("failureCategory", "PROCESS_DEVIATION");
        form.put("failureMode", "PROCESS");
        form.put("fiveWhys", "1. Why? The previous record was open.\n2. Why? The queue kept it.\n3. Why? No confirmation.");
        assertThat(post("/jira/issues/" + key + "/transition/21", form).statusCode()).isEqualTo(302);

        Document page = record(key);
        assertThat(field(page, "kind")).isEqualTo("Incident");
        assertThat(page.selectFirst("#status").text()).isEqualTo("Learning review");
        assertThat(field(page, "failureType")).isEqualTo("Basic failure");
        assertThat(field(page, "discoveredAt")).isEqualTo("20/Nov/26 8:30 AM");
        assertThat(field(page, "reportedAt")).isNotEqualTo("None");
        assertThat(page.select("#whys li").eachText()).as("the 5 whys, projected as why steps").containsExactly(
                "Why? The previous record was open.", "Why? The queue kept it.", "Why? No confirmation.");
        assertThat(page.select(".ff-breadcrumb a[href=/jira/issues/" + key + "]")).as("links to its issue").hasSize(1);
    }

    @Test
    void theDemoRecordsShowTeamLabelsAndLineage() throws Exception {
        Document incident = record("OPS-102");
        assertThat(field(incident, "team")).isEqualTo("Platform");
        assertThat(incident.select("[data-field=labels] .ff-label").eachText()).containsExactly("config", "outage");
        Document recurrence = record("CARE-9");
        assertThat(recurrence.select("[data-field=recurrenceOf] a").attr("href")).isEqualTo("/jira/records/CARE-8");
        Document pivot = record("OPS-105");
        assertThat(field(pivot, "pivotedFrom")).isEqualTo("OPS-103");
        assertThat(incident.select(".ff-breadcrumb a").attr("href")).as("a demo record opens as an issue too")
                .isEqualTo("/jira/issues/OPS-102");
    }

    @Test
    void aLearningAndAnActionItemAreAddedAndShown() throws Exception {
        String key = createExperiment();
        HttpResponse<String> learned = post("/jira/records/" + key + "/learnings",
                Map.of("text", "Skipped steps cluster on Fridays", "kind", "surprise"));
        assertThat(learned.statusCode()).isEqualTo(302);
        assertThat(learned.headers().firstValue("Location")).hasValue("/jira/records/" + key + "?done=learning");

        HttpResponse<String> acted = post("/jira/records/" + key + "/actions", action("Block Friday deploys", "2026-12-31"));
        assertThat(acted.statusCode()).isEqualTo(302);

        Document page = record(key + "?done=action");
        assertThat(page.select(".ff-flash").text()).isEqualTo("The action item was added.");
        Element learning = page.selectFirst("[data-learning]");
        assertThat(learning.selectFirst(".ff-text").text()).isEqualTo("Skipped steps cluster on Fridays");
        assertThat(learning.selectFirst(".ff-tag").text()).isEqualTo("Surprise");
        assertThat(learning.selectFirst(".ff-meta").text()).startsWith("demo,");
        Element item = page.selectFirst("tr[data-action]");
        assertThat(item.selectFirst(".ff-text").text()).isEqualTo("Block Friday deploys");
        assertThat(item.selectFirst("[data-col=owner]").text()).isEqualTo("demo");
        assertThat(item.selectFirst("[data-col=due]").text()).isEqualTo("31/Dec/26");
        assertThat(item.selectFirst("[data-col=type]").text()).isEqualTo("Prevent");
        assertThat(item.selectFirst("[data-col=status]").text()).isEqualTo("Open");
        assertThat(item.selectFirst("[data-col=result]").text()).isEmpty();
        assertThat(page.select("form.ff-checkin")).hasSize(1);
    }

    @Test
    void aCheckInShowsItsResult() throws Exception {
        String key = createExperiment();
        post("/jira/records/" + key + "/actions", action("Block Friday deploys", "2026-01-10"));
        Element form = record(key).selectFirst("form.ff-checkin");
        String actionUrl = form.attr("action");
        String version = form.selectFirst("input[name=version]").attr("value");

        // a check-in before the due date and one without a result are refused, under their fields
        HttpResponse<String> early = post(actionUrl, Map.of("date", "2026-01-05", "result", "effective", "note", "", "version", version));
        assertThat(early.statusCode()).isEqualTo(400);
        Document earlyPage = Jsoup.parse(early.body());
        assertThat(earlyPage.select("form.ff-checkin [data-error-for=date]").text()).isNotBlank();
        assertThat(earlyPage.select("form.ff-checkin input[name=date]").attr("value")).isEqualTo("2026-01-05");
        HttpResponse<String> noResult = post(actionUrl, Map.of("date", "2026-01-20", "result", "", "version", version));
        assertThat(noResult.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(noResult.body()).select("form.ff-checkin [data-error-for=result]").text()).startsWith("Result");
        assertThat(record(key).selectFirst("tr[data-action] [data-col=status]").text()).as("nothing stored").isEqualTo("Open");

        HttpResponse<String> checked = post(actionUrl, Map.of("date", "2026-01-20", "result", "partly",
                "note", "Fewer failures, but hotfixes still skip it", "version", version));
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(302);
        Element item = record(key).selectFirst("tr[data-action]");
        assertThat(item.selectFirst("[data-col=status]").text()).isEqualTo("Done");
        assertThat(item.selectFirst("[data-col=checkInDate]").text()).isEqualTo("20/Jan/26");
        assertThat(item.selectFirst("[data-col=result]").attr("data-result")).isEqualTo("partly");
        assertThat(item.selectFirst("[data-col=result]").text()).startsWith("Partly effective")
                .contains("Fewer failures, but hotfixes still skip it");
        assertThat(record(key).select("form.ff-checkin")).as("checked in: no form").isEmpty();

        // the form's version is now stale
        HttpResponse<String> stale = post(actionUrl, Map.of("date", "2026-01-21", "result", "effective", "version", version));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(stale.body()).select(".ff-errors").text()).contains("Someone else changed");
    }

    @Test
    void badInputIsAFieldErrorKeepsWhatWasTypedAndStoresNothing() throws Exception {
        String key = createExperiment();
        HttpResponse<String> noText = post("/jira/records/" + key + "/learnings", Map.of("text", "  ", "kind", "insight"));
        assertThat(noText.statusCode()).isEqualTo(400);
        Document learningPage = Jsoup.parse(noText.body());
        assertThat(learningPage.select("#add-learning [data-error-for=text]").text()).startsWith("Learning");
        assertThat(learningPage.select("#add-learning select[name=kind] option[selected]").attr("value")).isEqualTo("insight");

        HttpResponse<String> badDate = post("/jira/records/" + key + "/actions", action("Block Friday deploys", "31/12/2026"));
        assertThat(badDate.statusCode()).isEqualTo(400);
        Document actionPage = Jsoup.parse(badDate.body());
        assertThat(actionPage.select("#add-action [data-error-for=dueDate]").text()).contains("31/12/2026");
        assertThat(actionPage.select("#add-action [data-error-for]").eachAttr("data-error-for")).containsExactly("dueDate");
        assertThat(actionPage.select("#add-action input[name=dueDate]").attr("value")).isEqualTo("31/12/2026");
        assertThat(actionPage.select("#add-action textarea[name=description]").text()).isEqualTo("Block Friday deploys");

        HttpResponse<String> nothing = post("/jira/records/" + key + "/actions", Map.of());
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(nothing.body()).select("#add-action [data-error-for]").eachAttr("data-error-for"))
                .contains("description", "dueDate", "type");

        Document page = record(key);
        assertThat(page.select("[data-learning]")).as("no learning stored").isEmpty();
        assertThat(page.select("tr[data-action]")).as("no action item stored").isEmpty();
    }

    @Test
    void anOwnerMustBeAPreviewUserAndADueDateStorable() throws Exception {
        Map<String, String> stranger = action("Block Friday deploys", "2026-12-31");
        stranger.put("owner", "zoe");
        HttpResponse<String> refused = post("/jira/records/OPS-101/actions", stranger);
        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("#add-action [data-error-for=owner]").text())
                .isEqualTo("Owner: there is no user with the key \"zoe\".");

        HttpResponse<String> far = post("/jira/records/OPS-101/actions", action("Block Friday deploys", "+10000-01-01"));
        assertThat(far.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(far.body()).select("#add-action [data-error-for=dueDate]").text())
                .isEqualTo("Due date: \"+10000-01-01\" is outside the years 0001 to 9999; write it like 2026-06-30.");

        Map<String, String> teammate = action("Block Friday deploys", "2026-12-31");
        teammate.put("owner", "kim");
        assertThat(post("/jira/records/OPS-101/actions", teammate).statusCode()).isEqualTo(302);
        assertThat(record("OPS-101").select("tr[data-action] [data-col=owner]").eachText()).contains("kim")
                .doesNotContain("zoe");
    }

    @Test
    void unknownRecordsAndItemsAre404() throws Exception {
        assertThat(get("/jira/records/OPS-999").statusCode()).isEqualTo(404);
        assertThat(get("/jira/records/not-a-key").statusCode()).isEqualTo(404);
        assertThat(get("/jira/records/").statusCode()).isEqualTo(404);
        assertThat(post("/jira/records/OPS-999/learnings", Map.of("text", "x", "kind", "insight")).statusCode()).isEqualTo(404);
        assertThat(post("/jira/records/OPS-101/actions/987654/check-in",
                Map.of("date", "2026-01-20", "result", "effective")).statusCode()).isEqualTo(404);
        assertThat(get("/jira/records/OPS-101/learnings").statusCode()).isEqualTo(404);
    }

    @Test
    void userTextIsEscaped() throws Exception {
        String evil = "<script>alert('x')</script> & \"quoted\"";
        assertThat(post("/jira/records/OPS-101/learnings", Map.of("text", evil, "kind", "insight")).statusCode()).isEqualTo(302);
        HttpResponse<String> page = get("/jira/records/OPS-101");
        assertThat(page.body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
        assertThat(Jsoup.parse(page.body()).selectFirst("[data-learning] .ff-text").text()).isEqualTo(evil);

        Map<String, String> form = action("<b onmouseover=\"x()\">bold</b>", "never");
        form.put("owner", "\"><img src=x>");
        HttpResponse<String> refused = post("/jira/records/OPS-101/actions", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("<b onmouseover").doesNotContain("<img src=x>");
        Document kept = Jsoup.parse(refused.body());
        assertThat(kept.select("#add-action textarea[name=description]").text()).isEqualTo("<b onmouseover=\"x()\">bold</b>");
        assertThat(kept.select("#add-action input[name=owner]").attr("value")).isEqualTo("\"><img src=x>");
    }
}
