package dev.failforward.preview;

import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordPage;
import dev.failforward.core.text.Html;
import dev.failforward.jira.kpi.KpiUserContext;
import dev.failforward.preview.jira.Jql;
import dev.failforward.preview.jira.PreviewIssueSearch;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /issues/?jql=…&startIndex=N}: Jira's issue search, where the KPI charts' "Open in issue search" links lead
 * ({@code KpiJson.searchUrl}). Runs the JQL through {@link PreviewIssueSearch} as the current preview user and lists a
 * page of {@value PreviewIssueSearch#PAGE_SIZE} matching issues with the count; a query it cannot run answers 400
 * with the query and a message naming the clause, as Jira's search page does.
 */
final class IssueSearchServlet extends PageServlet {


    private final transient PreviewIssueSearch search;
    private final transient KpiUserContext user;
    private final transient I18nResolver i18n;
    private final transient dev.failforward.preview.jira.PreviewTasks tasks;

    /**
     * The Task issues' query ({@code issuetype = Task}, optionally {@code AND project = KEY}): the preview's follow-up
     * issues are not failure records, so their search is this one form rather than the full JQL of the records.
     */
    static final java.util.regex.Pattern TASK_QUERY = java.util.regex.Pattern.compile(
            "\\s*(?:issuetype|type)\\s*=\\s*\"?task\"?\\s*(?:and\\s+project\\s*=\\s*\"?([a-z][a-z0-9_]*)\"?\\s*)?",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    IssueSearchServlet(PreviewServices services) {
        super(services.templates);
        this.search = services.issueSearch;
        this.user = services.kpiUser;
        this.i18n = services.previewI18n;
        this.tasks = services.tasks;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path != null && !path.equals("/")) {
            error(response, HttpServletResponse.SC_NOT_FOUND, i18n.getText("preview.search.notfound.title"),
                    i18n.getText("preview.search.notfound"));
            return;
        }
        String jql = request.getParameter("jql") == null ? "" : request.getParameter("jql");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("jqlHtml", Html.escape(jql));
        java.util.regex.Matcher taskQuery = TASK_QUERY.matcher(jql);
        if (taskQuery.matches()) {
            tasks(response, model, taskQuery.group(1) == null ? null : taskQuery.group(1).toUpperCase(Locale.ROOT));
            return;
        }
        PreviewIssueSearch.Result result;
        try {
            result = search.search(jql, startIndex(request.getParameter("startIndex")));
        } catch (Jql.JqlException e) {
            model.put("errorHtml", Html.escape(i18n.getText(e.i18nKey(), e.arguments().toArray(Serializable[]::new))));
            model.put("rows", List.of());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            render(response, "issue-search.vm", model);
            return;
        }
        RecordPage page = result.page();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FailureRecord record : page.records()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("keyHtml", Html.escape(record.issueKey()));
            row.put("summaryHtml", Html.escape(record.summary()));
            row.put("kind", record.kind().name().toLowerCase(Locale.ROOT));
            row.put("typeHtml", Html.escape(RecordModel.typeName(record.kind())));
            row.put("statusHtml", Html.escape(record.status()));
            row.put("statusCategory", dev.failforward.jira.setup.StatusCategories.of(record.status()));
            Instant at = result.columnValue(record);
            row.put("atHtml", at == null ? "" : Html.escape(at.toString()));
            row.put("columnHtml", at == null ? "" : Html.escape(IssueFormInput.userDates(user.zone()).dateTime(at)));
            rows.add(row);
        }
        model.put("errorHtml", "");
        model.put("rows", rows);
        model.put("total", page.total());
        model.put("first", page.records().isEmpty() ? 0 : page.page().offset() + 1);
        model.put("last", page.page().offset() + page.records().size());
        model.put("columnLabelHtml", result.column() == null ? "" : Html.escape(i18n.getText(result.columnI18nKey())));
        int offset = page.page().offset();
        model.put("previousHref", offset == 0 ? "" : Html.escape(href(jql, Math.max(0, offset - PreviewIssueSearch.PAGE_SIZE))));
        model.put("nextHref", page.hasNext() ? Html.escape(href(jql, offset + page.records().size())) : "");
        render(response, "issue-search.vm", model);
    }

    /** The preview's Task issues (newest first, at most a page), for {@link #TASK_QUERY}. */
    private void tasks(HttpServletResponse response, Map<String, Object> model, String projectKey) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (dev.failforward.preview.jira.PreviewTasks.Task task : tasks.list(projectKey, PreviewIssueSearch.PAGE_SIZE)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("keyHtml", Html.escape(task.key()));
            row.put("summaryHtml", Html.escape(task.summary()));
            row.put("kind", "task");
            row.put("typeHtml", "Task");
            row.put("statusHtml", Html.escape(task.statusName()));
            row.put("statusCategory", task.resolved() ? "done" : "new");
            row.put("atHtml", "");
            row.put("columnHtml", "");
            rows.add(row);
        }
        model.put("errorHtml", "");
        model.put("rows", rows);
        model.put("total", rows.size());
        model.put("first", rows.isEmpty() ? 0 : 1);
        model.put("last", rows.size());
        model.put("columnLabelHtml", "");
        model.put("previousHref", "");
        model.put("nextHref", "");
        render(response, "issue-search.vm", model);
    }

    /** The page's first issue, as Jira's search pages by {@code startIndex}: anything but a whole number from 0 is 0. */
    private static int startIndex(String text) {
        try {
            return text == null ? 0 : Math.max(0, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String href(String jql, int startIndex) {
        return "/issues/?jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8).replace("+", "%20")
                + "&startIndex=" + startIndex;
    }
}
