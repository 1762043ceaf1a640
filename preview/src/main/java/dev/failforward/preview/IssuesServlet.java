package dev.failforward.preview;

import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.text.Html;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.failuredb.FailureDbService;
import dev.failforward.jira.failuredb.RecordDetails;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.preview.jira.PreviewIssue;
import dev.failforward.preview.jira.PreviewJira;
import dev.failforward.preview.jira.PreviewWorkflows;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /jira/issues/*}: create an experiment or incident, edit it, and walk it through the plugin's workflow, with
 * the field errors the plugin's validators give — as Jira's create, edit and transition screens would show them.
 * <pre>
 *   GET  /jira/issues                      the issues, newest first
 *   GET  /jira/issues/new?type=experiment  the create screen          POST /jira/issues/new
 *   GET  /jira/issues/KEY                  the issue and its transitions; for a record with no preview issue
 *                                          (the demo data), a read-only view of the record as its issue
 *   GET  /jira/issues/KEY/edit             the edit screen            POST /jira/issues/KEY/edit
 *   GET  /jira/issues/KEY/transition/ID    the transition's screen    POST /jira/issues/KEY/transition/ID
 * </pre>
 */
final class IssuesServlet extends PageServlet {

    static final List<String> PROJECTS = List.of("OPS", "GROWTH", "CARE");
    private static final Pattern ISSUE = Pattern.compile("/([A-Z][A-Z0-9_]*-\\d+)(/edit|/transition/(\\d+))?");

    private final transient PreviewJira jira;
    private final transient FailureDbService failureDb;
    private final transient RecordModel recordModel;
    private final transient I18nResolver i18n;
    private final transient PreviewCsrf csrf;
    private final transient WebPanels webPanels;
    private final transient WebItems webItems;
    private final transient IssueFormInput input;
    private final transient dev.failforward.preview.jira.PreviewTasks tasks;
    private final transient dev.failforward.jira.failuredb.FollowUpService followUps;
    private final transient dev.failforward.jira.permissions.RecordPermissions permissions;
    private static final Pattern TASK_ACTION = Pattern.compile("/([A-Z][A-Z0-9_]*-\\d+)/(resolve|reopen)");
    private final transient dev.failforward.jira.counts.FailureCounts counts;

    private final dev.failforward.preview.confluence.PreviewEventPublisher jiraEvents;

    /** Jira's "issue created" event for a preview issue. */
    private static com.atlassian.jira.event.issue.IssueEvent issueCreated(PreviewIssue issue) {
        return new com.atlassian.jira.event.issue.IssueEvent() {
            @Override
            public com.atlassian.jira.issue.Issue getIssue() {
                return issue;
            }

            @Override
            public Long getEventTypeId() {
                return com.atlassian.jira.event.type.EventType.ISSUE_CREATED_ID;
            }
        };
    }

    IssuesServlet(PreviewServices services) {
        super(services.templates);
        this.jira = services.jira;
        this.failureDb = services.failureDb;
        this.recordModel = new RecordModel(services.previewI18n, services.kpiUser.zone());
        this.i18n = services.previewI18n;
        this.csrf = services.csrf;
        this.webPanels = services.webPanels;
        this.webItems = services.webItems;
        this.input = new IssueFormInput(services.jira, services.kpiUser.zone());
        this.tasks = services.tasks;
        this.followUps = services.followUps;
        this.permissions = services.permissions;
        this.counts = new dev.failforward.jira.counts.FailureCounts(services.records, services.learnings, services.actions);
        this.jiraEvents = services.jiraEvents;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        String token = csrf.token(request, response);
        if (path.equals("/") || path.isEmpty()) {
            list(response);
            return;
        }
        if (path.equals("/new")) {
            Optional<RecordKind> kind = kind(request.getParameter("type"));
            if (kind.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            form(response, token, 200, kind.get(), null, null, Map.of("project", PROJECTS.get(0)), Map.of(), List.of());
            return;
        }
        Matcher m = ISSUE.matcher(path);
        Optional<PreviewIssue> issue = m.matches() ? jira.issues().find(m.group(1)) : Optional.empty();
        if (issue.isEmpty()) {
            Optional<dev.failforward.preview.jira.PreviewTasks.Task> task = m.matches() && m.group(2) == null
                    ? tasks.byKey(m.group(1)).filter(t -> permissions.canBrowse(t.projectKey())) : Optional.empty();
            if (task.isPresent()) {
                taskView(response, token, task.get(), request.getParameter("done"));
            } else if (m.matches() && m.group(2) == null) {
                recordIssue(response, m.group(1));
            } else {
                notFound(response);
            }
            return;
        }
        if (m.group(2) == null) {
            view(response, token, issue.get(), request.getParameter("done"), List.of());
        } else if (m.group(3) == null) {
            form(response, token, 200, issue.get().kind(), issue.get(), null, values(issue.get()), Map.of(), List.of());
        } else {
            Optional<Integer> id = transitionId(m.group(3));
            if (id.isEmpty()) {
                badTransitionId(response, m.group(3));
                return;
            }
            Optional<PreviewWorkflows.Transition> transition = transition(issue.get(), id.get());
            if (transition.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            form(response, token, 200, issue.get().kind(), issue.get(), transition.get(), values(issue.get()), Map.of(),
                    List.of());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        Optional<PreviewCsrf.Refusal> refused = csrf.check(request);
        if (refused.isPresent()) {
            forbidden(response, i18n, refused.get());
            return;
        }
        String token = csrf.token(request, response);
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        Map<String, String> posted = IssueFormInput.posted(request);
        if (path.equals("/new")) {
            Optional<RecordKind> kind = kind(request.getParameter("type"));
            String project = request.getParameter("project");
            if (kind.isEmpty() || !PROJECTS.contains(project)) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            PreviewWorkflows.Result result = jira.workflows().create(kind.get(), project, request.getParameter("summary"),
                    input.toWrite(posted, null));
            if (result.ok()) {
                // as Jira does after a create: the issue-created event (the recurrence check listens to it)
                jiraEvents.publish(issueCreated(result.issue()));
                redirect(response, result.issue(), "created");
            } else {
                form(response, token, 400, kind.get(), null, null, posted, result.fieldErrors(), result.errors());
            }
            return;
        }
        Matcher taskAction = TASK_ACTION.matcher(path);
        if (taskAction.matches()) {
            resolveTask(response, taskAction.group(1), taskAction.group(2).equals("resolve"));
            return;
        }
        Matcher m = ISSUE.matcher(path);
        Optional<PreviewIssue> issue = m.matches() && m.group(2) != null ? jira.issues().find(m.group(1)) : Optional.empty();
        if (issue.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (m.group(3) == null) {
            PreviewWorkflows.Result result = jira.workflows().edit(issue.get().getKey(), request.getParameter("summary"),
                    input.toWrite(posted, issue.get()));
            if (result.ok()) {
                redirect(response, result.issue(), "updated");
            } else {
                form(response, token, 400, issue.get().kind(), issue.get(), null, posted, result.fieldErrors(),
                        result.errors());
            }
            return;
        }
        Optional<Integer> id = transitionId(m.group(3));
        if (id.isEmpty()) {
            badTransitionId(response, m.group(3));
            return;
        }
        int actionId = id.get();
        PreviewWorkflows.Result result = jira.workflows().transition(issue.get().getKey(), actionId,
                input.toWrite(posted, issue.get()));
        if (result.ok()) {
            redirect(response, result.issue(), "transitioned");
            return;
        }
        Optional<PreviewWorkflows.Transition> transition = transition(issue.get(), actionId);
        if (transition.isPresent() && transition.get().hasScreen()) {
            Map<String, String> shown = new LinkedHashMap<>(values(issue.get()));
            shown.putAll(posted);
            form(response, token, 400, issue.get().kind(), issue.get(), transition.get(), shown, result.fieldErrors(),
                    result.errors());
        } else {
            List<String> errors = new ArrayList<>(result.errors());
            result.fieldErrors().values().forEach(errors::add);
            response.setStatus(400);
            view(response, token, issue.get(), null, errors);
        }
    }

    private void list(HttpServletResponse response) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PreviewIssue issue : jira.issues().recent(100)) {
            rows.add(Map.of("keyHtml", Html.escape(issue.getKey()), "kind", kindName(issue.kind()),
                    "summaryHtml", Html.escape(issue.getSummary()),
                    "statusHtml", Html.escape(PreviewWorkflows.statusName(issue.status())),
                    "statusCategory", dev.failforward.jira.setup.StatusCategories.of(issue.status())));
        }
        render(response, "issues.vm", Map.of("issues", rows));
    }

    private void view(HttpServletResponse response, String token, PreviewIssue issue, String done, List<String> errors)
            throws IOException {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (FailForwardField field : jira.workflows().screenFields(issue.kind())) {
            String value = input.display(issue, field);
            if (field.kind() == FailForwardField.Kind.SELECT && !value.isEmpty()) {
                value = i18n.getText(field.optionI18nKey(value));
            }
            fields.add(Map.of("key", field.key(), "labelHtml", Html.escape(i18n.getText(field.nameI18nKey())),
                    "valueHtml", Html.escape(value), "empty", value.isEmpty()));
        }
        // the count fields, calculated from the failure database as Jira's field type does (read-only, on no screen)
        for (var count : Map.of(FailForwardField.LEARNING_COUNT, dev.failforward.jira.counts.FailureCounts.Count.LEARNINGS,
                FailForwardField.NEXT_STEP_COUNT, dev.failforward.jira.counts.FailureCounts.Count.NEXT_STEPS).entrySet()
                .stream().sorted(Map.Entry.comparingByKey()).toList()) {
            String value = counts.of(issue.getId(), count.getValue()).map(String::valueOf).orElse("");
            fields.add(Map.of("key", count.getKey().key(),
                    "labelHtml", Html.escape(i18n.getText(count.getKey().nameI18nKey())),
                    "valueHtml", Html.escape(value), "empty", value.isEmpty()));
        }
        List<Map<String, Object>> transitions = new ArrayList<>();
        for (PreviewWorkflows.Transition t : jira.workflows().available(issue)) {
            transitions.add(Map.of("id", t.id(), "nameHtml", Html.escape(t.name()), "hasScreen", t.hasScreen(),
                    "toHtml", Html.escape(PreviewWorkflows.statusName(t.toStatus()))));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("keyHtml", Html.escape(issue.getKey()));
        model.put("kind", kindName(issue.kind()));
        model.put("summaryHtml", Html.escape(issue.getSummary()));
        model.put("statusHtml", Html.escape(PreviewWorkflows.statusName(issue.status())));
        model.put("statusCategory", dev.failforward.jira.setup.StatusCategories.of(issue.status()));
        model.put("fields", fields);
        model.put("transitions", transitions);
        model.put("doneHtml", done != null && List.of("created", "updated", "transitioned").contains(done)
                ? Html.escape(i18n.getText("preview.issue." + done, issue.getKey())) : "");
        model.put("errors", errors.stream().map(Html::escape).toList());
        model.put("tokenHtml", Html.escape(token));
        model.put("webPanels", webPanels.issueView(issue));
        model.put("webItems", webItems.issueOperations(issue));
        render(response, "issue.vm", model);
    }

    /**
     * The issue view of a Task (an action item's follow-up issue): summary, status, resolution, assignee, due date,
     * its link to the record's issue, and "Resolve" / "Reopen" (what a Jira transition that sets or clears the
     * resolution is).
     */
    private void taskView(HttpServletResponse response, String token, dev.failforward.preview.jira.PreviewTasks.Task task,
                          String done) throws IOException {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("keyHtml", Html.escape(task.key()));
        model.put("summaryHtml", Html.escape(task.summary()));
        model.put("statusHtml", Html.escape(task.statusName()));
        model.put("resolved", task.resolved());
        model.put("resolutionHtml", task.resolved() ? Html.escape(task.resolution()) : "");
        model.put("assigneeHtml", task.assigneeKey() == null ? "" : Html.escape(
                dev.failforward.preview.jira.PreviewUserManager.NAMES.getOrDefault(task.assigneeKey(), task.assigneeKey())));
        model.put("dueHtml", task.dueDate() == null ? "" : Html.escape(input.display(java.time.LocalDate.parse(task.dueDate()))));
        model.put("followUpOfHtml", task.followUpOf() == null ? "" : Html.escape(task.followUpOf()));
        model.put("doneHtml", done != null && List.of("resolved", "reopened").contains(done)
                ? Html.escape(i18n.getText("preview.task." + done, task.key())) : "");
        model.put("tokenHtml", Html.escape(token));
        render(response, "task.vm", model);
    }

    /**
     * Resolves or reopens a task, then runs the plugin's step for the issue event Jira would fire: the action items it
     * follows up become done or open again ({@code FollowUpService.followResolution}).
     */
    private void resolveTask(HttpServletResponse response, String key, boolean resolve) throws IOException {
        Optional<dev.failforward.preview.jira.PreviewTasks.Task> task = tasks.byKey(key)
                .filter(t -> permissions.canEdit(t.projectKey()));
        if (task.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        tasks.resolve(key, resolve);
        followUps.followResolution(task.get().id());
        response.sendRedirect("/jira/issues/" + key + "?done=" + (resolve ? "resolved" : "reopened"));
    }

    /**
     * The issue view of a failure record with no preview issue behind it (the demo data, which stands for issues of a
     * Jira the preview does not run): read-only, from the record, as the current user may see it — a record of a
     * project they may not browse is not found, exactly like a missing one (Jira's "does not exist or you do not have
     * permission to see it").
     */
    private void recordIssue(HttpServletResponse response, String key) throws IOException {
        RecordDetails details;
        try {
            details = failureDb.details(key);
        } catch (FailureDbException.NotFound e) {
            notFound(response);
            return;
        }
        FailureRecord record = details.record();
        Map<String, Object> model = new LinkedHashMap<>();
        recordModel.header(record, model);
        model.put("projectHtml", Html.escape(record.projectKey()));
        recordModel.fields(record, "/jira/issues/", model);
        model.put("webPanels", webPanels.issueView(new RecordIssue(record)));
        model.put("webItems", webItems.issueOperations(new RecordIssue(record)));
        render(response, "record-issue.vm", model);
    }

    /** 404 in the preview's style, with Jira's words: a missing issue and a hidden one get the same page. */
    private void notFound(HttpServletResponse response) throws IOException {
        error(response, HttpServletResponse.SC_NOT_FOUND, i18n.getText("preview.issue.notfound.title"),
                i18n.getText("preview.issue.notfound"));
    }

    private void form(HttpServletResponse response, String token, int status, RecordKind kind, PreviewIssue issue,
                      PreviewWorkflows.Transition transition, Map<String, String> values, Map<String, String> fieldErrors,
                      List<String> errors) throws IOException {
        List<Map<String, Object>> fields = new ArrayList<>();
        List<FailForwardField> screen = issue == null ? jira.workflows().createFields(kind)
                : transition == null ? jira.workflows().screenFields(kind) : jira.workflows().transitionFields(kind, transition.id());
        for (FailForwardField field : screen) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("key", field.key());
            f.put("kind", field.kind().name().toLowerCase(Locale.ROOT).replace("_", ""));
            f.put("labelHtml", Html.escape(i18n.getText(field.nameI18nKey())));
            f.put("descriptionHtml", Html.escape(i18n.getText(field.descriptionI18nKey())));
            f.put("valueHtml", Html.escape(values.getOrDefault(field.key(), "")));
            f.put("shownHtml", issue == null ? null
                    : Html.escape(values.getOrDefault(IssueFormInput.SHOWN_PREFIX + field.key(), values.getOrDefault(field.key(), ""))));
            f.put("errorHtml", Html.escape(fieldErrors.getOrDefault(field.key(), "")));
            List<Map<String, Object>> options = new ArrayList<>();
            for (String option : field.options()) {
                options.add(Map.of("value", option, "labelHtml", Html.escape(i18n.getText(field.optionI18nKey(option))),
                        "selected", option.equals(values.get(field.key()))));
            }
            f.put("options", options);
            fields.add(f);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        String typeName = kindName(kind);
        model.put("kind", typeName);
        model.put("fields", fields);
        List<String> allErrors = new ArrayList<>(errors);
        fieldErrors.forEach((key, message) -> { // a validator may judge a field this screen does not show: say it above
            if (!key.equals("summary") && screen.stream().noneMatch(field -> field.key().equals(key))) {
                allErrors.add(message);
            }
        });
        model.put("errors", allErrors.stream().map(Html::escape).toList());
        model.put("summaryHtml", Html.escape(values.getOrDefault("summary", issue == null ? "" : issue.getSummary())));
        model.put("summaryErrorHtml", Html.escape(fieldErrors.getOrDefault("summary", "")));
        model.put("creating", issue == null);
        model.put("projects", PROJECTS.stream().map(p -> Map.of("key", p, "selected", p.equals(values.get("project")))).toList());
        if (issue == null) {
            model.put("titleHtml", Html.escape(i18n.getText("preview.create." + typeName)));
            model.put("action", "/jira/issues/new?type=" + typeName);
            model.put("buttonHtml", Html.escape(i18n.getText("preview.create.button")));
        } else if (transition == null) {
            model.put("titleHtml", Html.escape(i18n.getText("preview.edit.title", issue.getKey())));
            model.put("action", "/jira/issues/" + issue.getKey() + "/edit");
            model.put("buttonHtml", Html.escape(i18n.getText("preview.edit.button")));
        } else {
            model.put("titleHtml", Html.escape(transition.name() + ": " + issue.getKey()));
            model.put("action", "/jira/issues/" + issue.getKey() + "/transition/" + transition.id());
            model.put("buttonHtml", Html.escape(transition.name()));
        }
        model.put("showSummary", transition == null);
        model.put("cancelHref", issue == null ? "/jira/issues" : "/jira/issues/" + issue.getKey());
        model.put("tokenHtml", Html.escape(token));
        response.setStatus(status);
        render(response, "issue-form.vm", model);
    }

    /** A transition id of the path ({@code \\d+}): empty when it is no {@code int} (e.g. over 2147483647). */
    private static Optional<Integer> transitionId(String digits) {
        try {
            return Optional.of(Integer.parseInt(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** 400 naming the transition id: no transition can have it. */
    private void badTransitionId(HttpServletResponse response, String digits) throws IOException {
        String shown = digits.length() > 30 ? digits.substring(0, 30) + "\u2026" : digits;
        error(response, 400, i18n.getText("preview.error.badrequest.title"),
                i18n.getText("preview.issue.transition.invalid", shown));
    }

    private Optional<PreviewWorkflows.Transition> transition(PreviewIssue issue, int id) {
        return jira.workflows().available(issue).stream().filter(t -> t.id() == id).findFirst();
    }

    /** The values the issue's screen shows in its inputs. */
    private Map<String, String> values(PreviewIssue issue) {
        return input.inputs(issue, jira.workflows().screenFields(issue.kind()));
    }

    private static void redirect(HttpServletResponse response, PreviewIssue issue, String done) throws IOException {
        response.sendRedirect("/jira/issues/" + URLEncoder.encode(issue.getKey(), StandardCharsets.UTF_8) + "?done=" + done);
    }

    private static Optional<RecordKind> kind(String type) {
        if ("experiment".equals(type)) {
            return Optional.of(RecordKind.EXPERIMENT);
        }
        if ("incident".equals(type)) {
            return Optional.of(RecordKind.INCIDENT);
        }
        return Optional.empty();
    }

    private static String kindName(RecordKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
