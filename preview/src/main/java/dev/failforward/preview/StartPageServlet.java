package dev.failforward.preview;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.text.Html;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /}: what the preview contains, the live hypothesis check, and the failure database's records. */
final class StartPageServlet extends PageServlet {

    private final transient PreviewServices services;

    StartPageServlet(PreviewServices services) {
        super(services.templates);
        this.services = services;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/".equals(request.getRequestURI())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        List<Map<String, Object>> projects = new ArrayList<>();
        int total = 0;
        for (String project : DemoData.projects()) {
            int count = services.records.countByProject(project);
            total += count;
            List<Map<String, Object>> rows = new ArrayList<>();
            for (FailureRecord record : services.records.findByProject(project, PageRequest.first(20))) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("keyHtml", Html.escape(record.issueKey()));
                row.put("kind", record.kind().name().toLowerCase(java.util.Locale.ROOT));
                row.put("summaryHtml", Html.escape(record.summary()));
                row.put("statusHtml", Html.escape(record.status()));
                row.put("statusCategory", dev.failforward.jira.setup.StatusCategories.of(record.status()));
                // the day it was created in the user's zone, in Jira's date format (the plugin's UserDates)
                java.time.ZoneId zone = services.kpiUser.zone();
                row.put("createdHtml", Html.escape(IssueFormInput.userDates(zone)
                        .date(java.time.LocalDate.ofInstant(record.createdAt(), zone))));
                rows.add(row);
            }
            projects.add(Map.of("keyHtml", Html.escape(project), "count", count, "records", rows));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("projects", projects);
        model.put("total", total);
        model.put("databaseHtml", Html.escape(services.databaseDescription));
        model.put("tablePrefixHtml", Html.escape(services.database.tablePrefix()));
        model.put("pluginsHtml", Html.escape(String.join(", ", services.plugins.pluginKeys())));
        List<String> notHosted = new java.util.ArrayList<>();
        services.inventory().notHosted().forEach(item -> notHosted.add(Html.escape(item.toString())));
        if (!services.inventory().absentServices().isEmpty()) {
            notHosted.add(Html.escape("host services (calls to them fail): "
                    + String.join(", ", services.inventory().absentServices())));
        }
        model.put("notHostedHtml", notHosted);
        render(response, "start.vm", model);
    }
}
