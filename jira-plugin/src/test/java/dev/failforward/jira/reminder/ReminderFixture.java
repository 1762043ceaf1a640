package dev.failforward.jira.reminder;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.jira.util.I18nHelper;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.core.record.ActionType;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.mail.Mail;
import dev.failforward.jira.mail.Outbox;
import dev.failforward.jira.persistence.AoActionItemRepository;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.jira.persistence.AoFollowUps;
import dev.failforward.jira.persistence.AoReminderClaims;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** What the reminder and digest tests share: people, projects, a recording outbox, mails that are easy to read. */
final class ReminderFixture {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7); // a Monday
    static final Instant NOW = TODAY.atTime(6, 0).toInstant(ZoneOffset.UTC);
    static final String BASE = "https://jira.example.com";

    private ReminderFixture() {
    }

    /** Mails whose texts are their keys and arguments, so tests can read what a mail says. */
    static ReminderMails mails() {
        I18nHelper.BeanFactory i18n = locale -> (key, parameters) -> "[" + locale + "] " + key
                + (parameters instanceof Object[] arguments && arguments.length > 0
                ? " " + Arrays.stream(arguments).map(String::valueOf).collect(Collectors.joining("|")) : "");
        ApplicationProperties application = mock(ApplicationProperties.class);
        when(application.getBaseUrl(any(UrlMode.class))).thenReturn(BASE);
        return new ReminderMails(i18n, application);
    }

    /** Plugin settings in memory (one map: "global"). */
    static PluginSettingsFactory settings() {
        Map<String, Object> values = new ConcurrentHashMap<>();
        PluginSettings settings = new PluginSettings() {
            @Override
            public Object get(String key) {
                return values.get(key);
            }

            @Override
            public Object put(String key, Object value) {
                return values.put(key, value);
            }

            @Override
            public Object remove(String key) {
                return values.remove(key);
            }
        };
        return () -> settings;
    }

    /** Users with addresses and the projects they browse; {@code lead-ops} leads OPS, LAB has no lead. */
    static final class People implements Recipients {
        final Map<String, Set<String>> browse = new HashMap<>();
        final Map<String, Locale> locales = new HashMap<>();

        People() {
            browse.put("anna", Set.of("OPS", "LAB"));
            browse.put("ben", Set.of("OPS"));
            browse.put("lead-ops", Set.of("OPS"));
            browse.put("kim", Set.of("LAB"));
            locales.put("ben", Locale.GERMAN);
        }

        @Override
        public Optional<Recipient> user(String userKey) {
            if (!browse.containsKey(userKey)) {
                return Optional.empty(); // "nomail" and strangers
            }
            return Optional.of(new Recipient(userKey, "Name of " + userKey, userKey + "@example.com",
                    locales.getOrDefault(userKey, Locale.ENGLISH)));
        }

        @Override
        public Set<String> browsableProjects(String userKey) {
            return browse.getOrDefault(userKey, Set.of());
        }

        @Override
        public Optional<String> projectLead(String projectKey) {
            return projectKey.equals("OPS") ? Optional.of("lead-ops") : Optional.empty();
        }
    }

    /** An outbox that keeps what was queued (safe for threads), and can be told to refuse one recipient's mails. */
    static final class RecordingOutbox implements Outbox {
        final List<Mail> queued = new CopyOnWriteArrayList<>();
        volatile String refuse;

        @Override
        public void queue(Mail mail) {
            if (mail.recipientKey().equals(refuse)) {
                throw new IllegalStateException("the mail queue is down");
            }
            queued.add(mail);
        }

        /** Every {@code desc-N} item description in the recipient's mails, with how often it was mailed. */
        Map<String, Long> itemsMailedTo(String recipientKey) {
            Map<String, Long> counts = new HashMap<>();
            Pattern item = Pattern.compile("(desc-[0-9]+) \\(");
            for (Mail mail : queued) {
                if (!mail.recipientKey().equals(recipientKey)) {
                    continue;
                }
                Matcher m = item.matcher(mail.htmlBody());
                while (m.find()) {
                    counts.merge(m.group(1), 1L, Long::sum);
                }
            }
            return counts;
        }
    }

    static FailureRecord record(AoFailureRecordRepository records, long id, String key, String summary, Instant created) {
        return records.upsert(FailureRecord.builder().issueId(id).issueKey(key)
                .projectKey(key.substring(0, key.indexOf('-'))).kind(RecordKind.INCIDENT).summary(summary)
                .status("Reported").createdAt(created).updatedAt(created).build());
    }

    /** An open item {@code desc-<n>} due {@code dueInDays} from {@link #TODAY}. */
    static ActionItem open(AoActionItemRepository actions, long recordId, int n, String owner, int dueInDays) {
        return actions.add(new ActionItem.Draft(recordId, "desc-" + n, owner, TODAY.plusDays(dueInDays),
                ActionType.PREVENT, null, NOW.minusSeconds(86_400L * 30)));
    }

    /** A done item {@code desc-<n>} whose check-in date is {@code checkInInDays} from {@link #TODAY}, no result. */
    static ActionItem doneAwaitingCheckIn(AoActionItemRepository actions, long recordId, int n, String owner,
                                          int checkInInDays) {
        ActionItem item = actions.add(new ActionItem.Draft(recordId, "desc-" + n, owner, TODAY.minusDays(20),
                ActionType.MITIGATE, TODAY.plusDays(checkInInDays), NOW.minusSeconds(86_400L * 30)));
        return actions.update(new ActionItem(item.id(), item.recordIssueId(), item.description(), item.ownerKey(),
                item.dueDate(), item.type(), ActionStatus.DONE, item.checkInDate(), null, null, item.createdAt(),
                NOW.minusSeconds(86_400L * 10), item.version()));
    }

    /** One "node": its own stores over its own connection pool, the shared people and outbox. */
    static FollowUpReminderJob reminderJob(ActiveObjects ao, Recipients people, Outbox outbox,
                                           ReminderSettings settings) {
        return new FollowUpReminderJob(new AoFollowUps(ao), new AoReminderClaims(ao), settings, people, mails(), outbox,
                ZoneOffset.UTC);
    }
}
