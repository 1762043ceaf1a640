package dev.failforward.jira.similar;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.WhyStep;
import dev.failforward.jira.search.SearchableRecord;

import java.util.ArrayList;
import java.util.List;

/** The text of a record that "have we failed like this before?" compares: what a reader would compare. */
public final class RecordTexts {

    private RecordTexts() {
    }

    /** Summary, description, hypothesis, criteria, 5 whys, contributing factors and learnings, one part a line. */
    public static String of(SearchableRecord searchable) {
        FailureRecord r = searchable.details().record();
        List<String> parts = new ArrayList<>();
        add(parts, r.summary());
        add(parts, searchable.description());
        add(parts, r.hypothesis());
        add(parts, r.successCriteria());
        add(parts, r.stopCriteria());
        for (WhyStep why : searchable.details().whys()) {
            add(parts, why.question());
            add(parts, why.answer());
        }
        add(parts, searchable.contributingFactors());
        for (Learning learning : searchable.details().learnings()) {
            add(parts, learning.text());
        }
        return String.join("\n", parts);
    }

    private static void add(List<String> parts, String text) {
        if (text != null && !text.isBlank()) {
            parts.add(text.strip());
        }
    }
}
