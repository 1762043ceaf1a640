package dev.failforward.jira.recurrence;

import com.atlassian.event.api.EventListener;
import com.atlassian.event.api.EventPublisher;
import com.atlassian.jira.event.issue.IssueEvent;
import com.atlassian.jira.event.type.EventType;
import com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.lifecycle.LifecycleAware;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.RecordPage;
import dev.failforward.core.record.RecordQuery;
import dev.failforward.core.record.RecordSort;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * When recurrence suggestions are looked for: a moment after an incident is reported (the issue-created event, on the
 * node that fired it, on one background thread — after the projection wrote its record), once more a minute later if
 * this node's index was still building, and nightly at 04:00 UTC over the incidents reported in the last
 * {@link #RECENT} on one node of the cluster ({@link RunMode#RUN_ONCE_PER_CLUSTER}), which catches what changed since
 * (5 whys and learnings make a better match) and what a stopped node missed. Detection never runs on a request thread.
 */
@Named
@ExportAsService(LifecycleAware.class)
public class RecurrenceJob implements LifecycleAware {

    private static final Logger log = LoggerFactory.getLogger(RecurrenceJob.class);

    static final JobRunnerKey RUNNER_KEY = JobRunnerKey.of("dev.failforward.jira:recurrence");
    static final JobId NIGHTLY_JOB_ID = JobId.of("dev.failforward.jira:recurrence:nightly");
    static final LocalTime AT = LocalTime.of(4, 0);
    static final Duration RECENT = Duration.ofDays(7);
    static final Duration AFTER_REPORT = Duration.ofSeconds(10);
    static final Duration RETRY = Duration.ofMinutes(1);
    private static final int PAGE = 200;

    private final SchedulerService scheduler;
    private final EventPublisher events;
    private final RecurrenceDetector detector;
    private final FailureRecordRepository records;
    private final RecurrenceSuggestionStore suggestions;
    private final Clock clock;
    private ScheduledExecutorService executor;

    @Inject
    public RecurrenceJob(@ComponentImport SchedulerService scheduler, @ComponentImport EventPublisher events,
                         RecurrenceDetector detector, FailureRecordRepository records,
                         RecurrenceSuggestionStore suggestions) {
        this(scheduler, events, detector, records, suggestions, Clock.systemUTC());
    }

    public RecurrenceJob(SchedulerService scheduler, EventPublisher events, RecurrenceDetector detector,
                         FailureRecordRepository records, RecurrenceSuggestionStore suggestions, Clock clock) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.events = Objects.requireNonNull(events, "events");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.records = Objects.requireNonNull(records, "records");
        this.suggestions = Objects.requireNonNull(suggestions, "suggestions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized void onStart() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "failforward-recurrence");
            thread.setDaemon(true);
            return thread;
        });
        events.register(this);
        scheduler.registerJobRunner(RUNNER_KEY, this::nightly);
        Instant first = nextRunAfter(clock.instant());
        try {
            scheduler.scheduleJob(NIGHTLY_JOB_ID, JobConfig.forJobRunnerKey(RUNNER_KEY)
                    .withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                    .withSchedule(Schedule.forInterval(Duration.ofDays(1).toMillis(), Date.from(first))));
        } catch (SchedulerServiceException e) {
            log.error("Fail Forward's nightly recurrence check could not be scheduled; incidents are still checked"
                    + " when they are reported", e);
        }
    }

    @Override
    public synchronized void onStop() {
        events.unregister(this);
        scheduler.unregisterJobRunner(RUNNER_KEY);
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @EventListener
    public void onIssueEvent(IssueEvent event) {
        if (event.getIssue() == null || event.getIssue().getId() == null
                || !EventType.ISSUE_CREATED_ID.equals(event.getEventTypeId())) {
            return;
        }
        afterReport(event.getIssue().getId());
    }

    /** Looks for recurrences of {@code issueId} a moment from now, off the caller's thread. */
    public synchronized void afterReport(long issueId) {
        if (executor == null) {
            return;
        }
        executor.schedule(() -> check(issueId, true), AFTER_REPORT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check(long issueId, boolean retry) {
        try {
            RecurrenceDetector.Outcome outcome = detector.detect(issueId);
            if (outcome == RecurrenceDetector.Outcome.INDEX_NOT_READY && retry) {
                synchronized (this) {
                    if (executor != null) {
                        executor.schedule(() -> check(issueId, false), RETRY.toMillis(), TimeUnit.MILLISECONDS);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Fail Forward could not look for recurrences of issue {}; the nightly check tries again", issueId, e);
        }
    }

    /** The nightly run: every incident created in the last {@link #RECENT}, page by page. */
    JobRunnerResponse nightly(JobRunnerRequest request) {
        Set<String> projects = suggestions.recordProjects();
        if (projects.isEmpty()) {
            return JobRunnerResponse.success("no records");
        }
        Instant now = clock.instant();
        int checked = 0;
        int notReady = 0;
        java.util.List<String> all = new java.util.ArrayList<>(projects);
        for (int from = 0; from < all.size(); from += RecordQuery.MAX_PROJECTS) {
            Set<String> chunk = Set.copyOf(all.subList(from, Math.min(all.size(), from + RecordQuery.MAX_PROJECTS)));
            int offset = 0;
            while (true) {
                RecordPage page = records.search(RecordQuery.inProjects(chunk).withKind(RecordKind.INCIDENT)
                        .withCreated(now.minus(RECENT), now.plusSeconds(1))
                        .sortedBy(RecordSort.CREATED, true).withPage(new PageRequest(offset, PAGE)));
                for (FailureRecord record : page.records()) {
                    try {
                        if (detector.detect(record.issueId()) == RecurrenceDetector.Outcome.INDEX_NOT_READY) {
                            notReady++;
                        }
                        checked++;
                    } catch (RuntimeException e) {
                        log.warn("Fail Forward could not look for recurrences of {}", record.issueKey(), e);
                    }
                }
                if (!page.hasNext() || page.records().isEmpty()) {
                    break;
                }
                offset += page.records().size();
            }
        }
        return notReady > 0 ? JobRunnerResponse.failed("the search index was not ready for " + notReady + " of "
                + checked + " incidents") : JobRunnerResponse.success(checked + " incidents checked");
    }

    static Instant nextRunAfter(Instant now) {
        Instant today = LocalDate.ofInstant(now, ZoneOffset.UTC).atTime(AT).toInstant(ZoneOffset.UTC);
        return today.isAfter(now) ? today : today.plus(Duration.ofDays(1));
    }
}
