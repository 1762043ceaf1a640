package dev.failforward.preview;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Both lifecycles walked through the preview's screens over HTTP, with the plugin's own workflows and validators. */
class IssueLifecycleTest extends PreviewHttpTest {

    private static Map<String, String> plan(String hypothesis) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("project", "OPS");
        form.put("summary", "Pre-deploy checklist");
        form.put("hypothesis", hypothesis);
        form.put("successCriteria", "deploy failures < 2 per month");
        form.put("stopCriteria", "deploy failures > 6 per month");
        form.put("learningGoals", "Which manual steps get skipped, and why");
        form.put("phase", "EXPLORE");
        form.put("budget", "1500");
        form.put("timeBoxDays", "14");
        return form;
    }

    private String create(Map<String, String> form, String type) throws Exception {
        HttpResponse<String> created = post("/jira/issues/new?type=" + type, form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring("/jira/issues/".length(), location.indexOf('?'));
    }

    private void learn(String key, String text) throws Exception {
        assertThat(post("/jira/records/" + key + "/learnings", Map.of("text", text, "kind", "insight")).statusCode())
                .isEqualTo(302);
    }

    private void act(String key, String description) throws Exception {
        Map<String, String> action = new LinkedHashMap<>();
        action.put("description", description);
        action.put("owner", "demo");
        action.put("dueDate", "2026-12-31");
        action.put("type", "prevent");
        action.put("checkInDate", "");
        assertThat(post("/jira/records/" + key + "/actions", action).statusCode()).isEqualTo(302);
    }

    private Document page(String key) throws Exception {
        return Jsoup.parse(get("/jira/issues/" + key).body());
    }

    private static String status(Document page) {
        return page.selectFirst("#status").text();
    }

    @Test
    void anExperimentWithoutAHypothesisCannotStart() throws Exception {
        Map<String, String> form = plan("");
        String key = create(form, "experiment");
        Document draft = page(key);
        assertThat(status(draft)).isEqualTo("Draft");

        // Mark ready is refused with the error under the hypothesis field
        HttpResponse<String> refused = post("/jira/issues/" + key + "/transition/11", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        Document screen = Jsoup.parse(refused.body());
        assertThat(screen.select("[data-error-for=hypothesis]").text()).startsWith("Hypothesis");
        assertThat(status(page(key))).as("nothing moved").isEqualTo("Draft");
    }

    @Test
    void letsSeeWhatHappensIsNotAHypothesis() throws Exception {
        Map<String, String> form = plan("Let's see what happens");
        String key = create(form, "experiment");
        HttpResponse<String> refused = post("/jira/issues/" + key + "/transition/11", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).select("[data-error-for=hypothesis]").text()).contains("If X, then Y");
    }

    @Test
    void aCompletePlanStartsAndIsStored() throws Exception {
        Map<String, String> form = plan("If we add a pre-deploy checklist, then deploy failures drop below 2 per month"
                + " because most failed deploys skipped a manual step");
        String key = create(form, "experiment");
        assertThat(page(key).select("[data-transition=21]")).as("Start is hidden while in Draft").isEmpty();

        assertThat(post("/jira/issues/" + key + "/transition/11", form).statusCode()).isEqualTo(302);
        Document ready = page(key);
        assertThat(status(ready)).isEqualTo("Ready");
        assertThat(ready.select("button[data-transition=21]")).as("Start is offered once the plan is complete").hasSize(1);

        assertThat(post("/jira/issues/" + key + "/transition/21", Map.of()).statusCode()).isEqualTo(302);
        Document running = page(key);
        assertThat(status(running)).isEqualTo("Running");
        assertThat(running.select("[data-field=startedAt]").text()).as("stamped by the post-function").matches("\\d{2}/\\w{3}/\\d{2} \\d{1,2}:\\d{2} [AP]M");

        Document list = Jsoup.parse(get("/").body());
        assertThat(list.select(".ff-records td").eachText()).contains(key, "Pre-deploy checklist", "Running");
    }

    @Test
    void anExperimentIsDecidedWithARationale() throws Exception {
        Map<String, String> form = plan("If we add a pre-deploy checklist, then deploy failures drop below 2 per month because steps get skipped");
        String key = create(form, "experiment");
        post("/jira/issues/" + key + "/transition/11", form);
        post("/jira/issues/" + key + "/transition/21", Map.of());
        post("/jira/issues/" + key + "/transition/31", Map.of());
        assertThat(status(page(key))).isEqualTo("Evaluating");

        HttpResponse<String> refused = post("/jira/issues/" + key + "/transition/41", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).select("[data-error-for=decision]").text()).isNotBlank();

        Map<String, String> decided = new LinkedHashMap<>(form);
        decided.put("outcome", "REFUTED");
        decided.put("decision", "PIVOT");
        decided.put("decisionRationale", "Skipped steps were not the cause; most failures came from config drift.");
        assertThat(post("/jira/issues/" + key + "/transition/41", decided).statusCode()).isEqualTo(302);
        assertThat(status(page(key))).isEqualTo("Decided");
        assertThat(page(key).select("[data-field=decidedAt]").text()).isNotEqualTo("None");
    }

    /** The names a screen's form posts, without the token and the "as shown" copies. */
    private java.util.List<String> inputs(String path) throws Exception {
        HttpResponse<String> screen = get(path);
        assertThat(screen.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(screen.body()).select("form [name]").eachAttr("name").stream()
                .filter(name -> !name.equals("atl_token") && !name.startsWith("shown.")).distinct().toList();
    }

    @Test
    void eachScreenAsksOnlyForWhatItsStepNeedsAsSetupConfiguresJira() throws Exception {
        assertThat(inputs("/jira/issues/new?type=experiment")).containsExactly("project", "summary", "hypothesis",
                "successCriteria", "stopCriteria", "learningGoals", "phase", "budget", "timeBoxDays");
        assertThat(inputs("/jira/issues/new?type=incident")).containsExactly("project", "summary", "discoveredAt", "impact");

        Map<String, String> form = plan("If we add a pre-deploy checklist, then deploy failures drop below 2 per month because steps get skipped");
        String key = create(form, "experiment");
        assertThat(inputs("/jira/issues/" + key + "/edit")).as("edit shows every field")
                .contains("summary", "hypothesis", "startedAt", "budgetSpent", "outcome", "observedResults", "decidedAt");
        assertThat(inputs("/jira/issues/" + key + "/transition/11")).containsExactly("hypothesis", "successCriteria",
                "stopCriteria", "learningGoals", "phase", "budget", "timeBoxDays");
        post("/jira/issues/" + key + "/transition/11", form);
        post("/jira/issues/" + key + "/transition/21", Map.of());
        post("/jira/issues/" + key + "/transition/31", Map.of());
        assertThat(inputs("/jira/issues/" + key + "/transition/41"))
                .containsExactly("outcome", "decision", "decisionRationale", "observedResults");

        Map<String, String> decided = new LinkedHashMap<>();
        decided.put("outcome", "CONFIRMED");
        decided.put("decision", "SCALE_UP");
        decided.put("decisionRationale", "Failures dropped as predicted.");
        decided.put("observedResults", "deploy failures: 1 per month");
        assertThat(post("/jira/issues/" + key + "/transition/41", decided).statusCode()).isEqualTo(302);
        Document done = page(key);
        assertThat(status(done)).isEqualTo("Decided");
        assertThat(done.select("[data-field=observedResults]").text()).isEqualTo("deploy failures: 1 per month");
        assertThat(done.select("[data-field=decidedAt]").text()).as("the stamp the screen does not show is set").isNotEqualTo("None");
    }

    @Test
    void anIncidentIsReportedAnalysedAndClosedWithLearnings() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("project", "CARE");
        form.put("summary", "Wrong wristband printed at admission");
        HttpResponse<String> noDiscovery = post("/jira/issues/new?type=incident", form);
        assertThat(noDiscovery.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(noDiscovery.body()).select("[data-error-for=discoveredAt]").text()).startsWith("Discovered");

        form.put("discoveredAt", "2026-11-20T08:30");
        String key = create(form, "incident");
        Document reported = page(key);
        assertThat(status(reported)).isEqualTo("Reported");
        assertThat(reported.select("[data-field=reportedAt]").text()).as("stamped on create").isNotEqualTo("None");

        post("/jira/issues/" + key + "/transition/11", Map.of());
        assertThat(post("/jira/issues/" + key + "/transition/21", form).statusCode()).isEqualTo(400);
        form.put("failureType", "BASIC");
        form.put("failureCategory", "PROCESS_DEVIATION");
        form.put("failureMode", "PROCESS");
        form.put("fiveWhys", "1. Why was the wrong band printed? The previous patient's record was open.\n2. Why was it open? The printer queue kept it.\n3. Why? The print step does not confirm the patient.");
        assertThat(post("/jira/issues/" + key + "/transition/21", form).statusCode()).isEqualTo(302);
        assertThat(status(page(key))).isEqualTo("Learning review");

        // the Close validator counts the failure record's learnings and action items, not the old text fields
        form.put("learnings", "- one\n- two\n- three\n- four");
        form.put("nextSteps", "- one\n- two\n- three");
        learn(key, "The print step trusts the open record");
        learn(key, "Night shift prints in batches");
        act(key, "Confirm the patient on the print dialog");
        act(key, "Scan the band at the bedside");
        HttpResponse<String> tooFew = post("/jira/issues/" + key + "/transition/31", form);
        assertThat(tooFew.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(tooFew.body()).text())
                .contains("Learnings: at least 3 are needed before closing; the record has 2.")
                .doesNotContain("Next steps: at least");
        assertThat(status(page(key))).isEqualTo("Learning review");

        learn(key, "Nobody owned the printer settings");
        assertThat(post("/jira/issues/" + key + "/transition/31", form).statusCode()).isEqualTo(302);
        assertThat(status(page(key))).isEqualTo("Closed");
    }

    @Test
    void badFieldInputIsAFieldErrorAndKeepsWhatWasTyped() throws Exception {
        Map<String, String> form = plan("If we add a checklist, then deploy failures drop below 2 per month");
        form.put("budget", "a lot");
        form.put("summary", "");
        HttpResponse<String> response = post("/jira/issues/new?type=experiment", form);
        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("[data-error-for=budget]").text()).startsWith("Budget");
        assertThat(page.select("[data-error-for=summary]").text()).startsWith("Summary");
        assertThat(page.select("textarea#hypothesis").text()).isEqualTo("If we add a checklist, then deploy failures drop below 2 per month");
        assertThat(page.select("input#budget").attr("value")).isEqualTo("a lot");
    }

    @Test
    void unknownIssuesAndTransitionsAre404() throws Exception {
        assertThat(get("/jira/issues/OPS-999").statusCode()).isEqualTo(404);
        assertThat(get("/jira/issues/new?type=nonsense").statusCode()).isEqualTo(404);
        String key = create(plan(""), "experiment");
        assertThat(get("/jira/issues/" + key + "/transition/41").statusCode()).isEqualTo(404);
        assertThat(post("/jira/issues/" + key + "/transition/21", Map.of()).statusCode()).as("Start from Draft").isEqualTo(400);
    }
}
