package dev.failforward.jira.rest;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.jira.archive.ArchivedLearning;
import dev.failforward.rest.FieldError;
import dev.failforward.rest.RequestProblem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What the huddle board, "On this day" and the related learnings share: the projects parameter and a learning. */
final class ResurfacingJson {

    private ResurfacingJson() {
    }

    /** A learning with its record: {@code url} is the record's issue path below Jira's base URL. */
    record LearningJson(long id, String text, String kind, String createdAt, RecordJson record) {

        static LearningJson of(ArchivedLearning l) {
            return new LearningJson(l.id(), l.text(), FailureRecordJson.name(l.kind()),
                    FailureRecordJson.instant(l.createdAt()), new RecordJson(l.record().issueKey(),
                            l.record().projectKey(), l.record().summary(), FailureRecordJson.name(l.record().kind()),
                            "/browse/" + l.record().issueKey()));
        }
    }

    record RecordJson(String key, String projectKey, String summary, String kind, String url) {
    }

    /**
     * {@code projects=OPS,CARE} (and/or repeated): trimmed, upper-cased, distinct; {@code null} when none were given.
     * A value that is not a project key is a 400 naming {@code projects}.
     */
    static Set<String> projects(List<String> values, int max) {
        Set<String> projects = new LinkedHashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String part : value == null ? new String[0] : value.split(",")) {
                String key = part.strip().toUpperCase(Locale.ROOT);
                if (key.isEmpty()) {
                    continue;
                }
                if (!FailureRecord.isProjectKey(key) && errors.isEmpty()) {
                    errors.add(RecordSearchParameters.unknown("projects", part.strip(), "project keys, e.g. OPS,CARE"));
                }
                projects.add(key);
            }
        }
        if (projects.size() > max && errors.isEmpty()) {
            errors.add(FieldError.of("projects", "too-many", "failforward.failuredb.error.param.toomany",
                    "projects", String.valueOf(max)));
        }
        if (!errors.isEmpty()) {
            throw RequestProblem.invalid(errors);
        }
        return projects.isEmpty() ? null : projects;
    }
}
