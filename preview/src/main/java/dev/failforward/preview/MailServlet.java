package dev.failforward.preview;

import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import dev.failforward.core.text.Html;
import dev.failforward.jira.reminder.FollowUpReminderJob;
import dev.failforward.jira.reminder.WeeklyDigestJob;
import dev.failforward.preview.jira.PreviewOutbox;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /jira/mail}: the preview's outbox, the mails the plugin queued (follow-up reminders, weekly digests) as their
 * recipients would read them; nothing is sent. Two buttons run the daily reminders or the weekly digest now, as
 * Jira's scheduler would at 06:00 and on Monday at 07:00 (form posts with the preview's cross-site request forgery
 * checks). Running one twice the same day (or week) queues nothing new: the claims hold.
 *
 * <p>The mail bodies are shown as they are: the plugin made them with every text escaped (its {@code MailHtml}); the
 * subject and addresses are escaped here.
 */
final class MailServlet extends PageServlet {

    private final PreviewServices services;

    MailServlet(PreviewServices services) {
        super(services.templates);
        this.services = services;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Map<String, Object>> mails = new ArrayList<>();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
        for (PreviewOutbox.Queued queued : services.outbox.mails()) {
            Map<String, Object> mail = new LinkedHashMap<>();
            mail.put("toHtml", Html.escape(queued.mail().to()));
            mail.put("subjectHtml", Html.escape(queued.mail().subject()));
            mail.put("atHtml", Html.escape(time.format(queued.at())));
            mail.put("bodyHtml", queued.mail().htmlBody());
            mails.add(mail);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("mails", mails);
        model.put("resultHtml", Html.escape(Optional.ofNullable(request.getParameter("ran")).orElse("")));
        model.put("tokenHtml", Html.escape(services.csrf.token(request, response)));
        render(response, "mail.vm", model);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PreviewCsrf.Refusal> refused = services.csrf.check(request);
        if (refused.isPresent()) {
            forbidden(response, services.previewI18n, refused.get());
            return;
        }
        String run = request.getParameter("run");
        JobRunner job;
        if ("reminders".equals(run)) {
            job = services.jiraComponents.get(FollowUpReminderJob.class);
        } else if ("digest".equals(run)) {
            job = services.jiraComponents.get(WeeklyDigestJob.class);
        } else {
            error(response, HttpServletResponse.SC_BAD_REQUEST, "No such job", "Run \"reminders\" or \"digest\".");
            return;
        }
        JobRunnerResponse result = job.runJob(new JobRunnerRequest() {
            private final Date start = new Date();

            @Override
            public Date getStartTime() {
                return new Date(start.getTime());
            }

            @Override
            public boolean isCancellationRequested() {
                return false;
            }
        });
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/jira/mail?ran=" + java.net.URLEncoder.encode(
                run + ": " + (result == null ? "" : result.getMessage()), java.nio.charset.StandardCharsets.UTF_8));
    }
}
