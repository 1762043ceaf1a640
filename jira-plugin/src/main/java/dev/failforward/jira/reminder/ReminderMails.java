package dev.failforward.jira.reminder;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.jira.util.I18nHelper;
import dev.failforward.jira.mail.Mail;
import dev.failforward.jira.mail.MailHtml;
import dev.failforward.jira.persistence.AoFollowUps;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes the reminder and digest mails, in the recipient's language (Jira's {@link I18nHelper.BeanFactory}: SAL's
 * {@code I18nResolver} only speaks the current user's), dates in their locale's medium style, every text escaped ({@link MailHtml}), each item linked to
 * its record's issue in Jira.
 */
@Named
public class ReminderMails {

    static final String SECTION = "margin:16px 0 4px;font-size:14px";
    static final String LIST = "margin:0;padding-left:20px";
    /**
     * At most this many items per section of a reminder: each is still claimed (and so reminded of once), the rest is
     * counted ("and 12 more"); a lead with a long backlog gets a readable mail.
     */
    static final int MAX_LISTED = 25;

    private final I18nHelper.BeanFactory i18n;
    private final ApplicationProperties application;

    @Inject
    public ReminderMails(@ComponentImport I18nHelper.BeanFactory i18n, @ComponentImport ApplicationProperties application) {
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.application = Objects.requireNonNull(application, "application");
    }

    /** The day's reminder to one person: their notices grouped by kind (overdue, due, check-ins, as lead). */
    public Mail reminder(Recipients.Recipient to, List<Notice> notices, LocalDate today) {
        Locale locale = to.locale();
        MailHtml html = new MailHtml().open("div", "font-family:Arial,sans-serif;font-size:14px")
                .open("p").text(text(locale, "failforward.reminder.mail.greeting", to.name())).close("p");
        for (Notice.Kind kind : List.of(Notice.Kind.OVERDUE, Notice.Kind.DUE, Notice.Kind.CHECKIN, Notice.Kind.LEAD)) {
            List<Notice> ofKind = notices.stream().filter(n -> n.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            html.open("h3", SECTION).text(text(locale, "failforward.reminder.mail." + kind.key())).close("h3")
                    .open("ul", LIST);
            for (Notice notice : ofKind.subList(0, Math.min(ofKind.size(), MAX_LISTED))) {
                item(html, locale, notice.item(), today, kind == Notice.Kind.CHECKIN);
            }
            if (ofKind.size() > MAX_LISTED) {
                html.open("li").text(text(locale, "failforward.reminder.mail.more", ofKind.size() - MAX_LISTED))
                        .close("li");
            }
            html.close("ul");
        }
        html.open("p").text(text(locale, "failforward.reminder.mail.footer")).text(" ")
                .link(base() + "/secure/Dashboard.jspa", text(locale, "failforward.followups.title")).close("p")
                .close("div");
        return new Mail(to.key(), to.email(), text(locale, "failforward.reminder.mail.subject", notices.size()),
                html.toString());
    }

    /** The week's digest for one subscriber; the lists are what is new or due in the projects they may browse. */
    public Mail digest(Recipients.Recipient to, LocalDate weekStart, List<AoFollowUps.Learning> learnings,
                       List<AoFollowUps.Record> failures, List<AoFollowUps.Item> due, LocalDate today) {
        Locale locale = to.locale();
        String week = date(weekStart, locale);
        MailHtml html = new MailHtml().open("div", "font-family:Arial,sans-serif;font-size:14px")
                .open("p").text(text(locale, "failforward.reminder.mail.greeting", to.name())).close("p")
                .open("p").text(text(locale, "failforward.digest.mail.intro", week)).close("p");
        if (!learnings.isEmpty()) {
            html.open("h3", SECTION).text(text(locale, "failforward.digest.mail.learnings")).close("h3").open("ul", LIST);
            for (AoFollowUps.Learning learning : learnings) {
                html.open("li").link(browse(learning.issueKey()), learning.issueKey()).text(": " + learning.body())
                        .close("li");
            }
            html.close("ul");
        }
        if (!failures.isEmpty()) {
            html.open("h3", SECTION).text(text(locale, "failforward.digest.mail.failures")).close("h3").open("ul", LIST);
            for (AoFollowUps.Record record : failures) {
                html.open("li").link(browse(record.issueKey()), record.issueKey()).text(": " + record.summary())
                        .close("li");
            }
            html.close("ul");
        }
        if (!due.isEmpty()) {
            html.open("h3", SECTION).text(text(locale, "failforward.digest.mail.followups")).close("h3").open("ul", LIST);
            for (AoFollowUps.Item item : due) {
                item(html, locale, item, today, false);
            }
            html.close("ul");
        }
        html.open("p").text(text(locale, "failforward.digest.mail.footer")).text(" ")
                .link(base() + "/secure/Dashboard.jspa", text(locale, "failforward.followups.title")).close("p")
                .close("div");
        return new Mail(to.key(), to.email(), text(locale, "failforward.digest.mail.subject", week), html.toString());
    }

    private void item(MailHtml html, Locale locale, AoFollowUps.Item item, LocalDate today, boolean checkIn) {
        html.open("li").link(browse(item.issueKey()), item.issueKey()).text(" ").text(item.description()).text(" (");
        if (checkIn) {
            html.text(text(locale, "failforward.reminder.mail.checkinsince", date(item.checkInDate(), locale)));
        } else if (item.dueDate().isBefore(today)) {
            html.text(text(locale, "failforward.reminder.mail.overdueby", date(item.dueDate(), locale),
                    ChronoUnit.DAYS.between(item.dueDate(), today)));
        } else {
            html.text(text(locale, "failforward.reminder.mail.dueon", date(item.dueDate(), locale)));
        }
        html.text(")").close("li");
    }

    private String browse(String issueKey) {
        return base() + "/browse/" + URLEncoder.encode(issueKey, StandardCharsets.UTF_8);
    }

    private String base() {
        return application.getBaseUrl(UrlMode.CANONICAL);
    }

    private static String date(LocalDate date, Locale locale) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    private String text(Locale locale, String key, Object... arguments) {
        return i18n.getInstance(locale).getText(key, arguments);
    }
}
