package dev.failforward.jira.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.recurrence.RecurrenceDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recurrence threshold ({@link RecurrenceDetector#THRESHOLD}) on fresh reports as people first type them
 * ({@code search/recurrence-pairs.json}: 21 that repeat a group of the post-mortem corpus, 10 that repeat nothing),
 * searched like the detector does (the report's summary and description, earlier incidents of every project, the
 * 3 most similar). A suggestion is right when it names a record of the expected group. Prints precision and recall
 * over a sweep of thresholds, and holds the chosen one to: at least 70 % of the repeats get a right suggestion, and at
 * least 75 % of all suggestions are right.
 */
class RecurrenceThresholdTest {

    @TempDir
    Path home;

    record Outcome(int reports, int found, int suggestions, int right) {

        double recall() {
            return reports == 0 ? 0 : (double) found / reports;
        }

        double precision() {
            return suggestions == 0 ? 1 : (double) right / suggestions;
        }
    }

    @Test
    void theThresholdOffersMostRepeatsAndFewWrongSuggestions() throws IOException {
        List<SimilarityEvaluationTest.Post> posts = SimilarityEvaluationTest.corpus();
        Map<String, String> groupOf = new HashMap<>();
        Set<String> projects = new HashSet<>();
        posts.forEach(p -> {
            groupOf.put(p.key(), p.group());
            projects.add(p.record().details().record().projectKey());
        });
        JsonNode pairs;
        try (InputStream in = getClass().getResourceAsStream("/search/recurrence-pairs.json")) {
            pairs = new ObjectMapper().readTree(in);
        }
        try (LuceneFailureIndex index = LuceneFailureIndex.open(home.resolve("index"))) {
            index.rebuild(posts.stream().map(SimilarityEvaluationTest.Post::record).iterator(), posts.size(), "eval",
                    n -> { });
            Map<JsonNode, List<SimilarMatch>> answers = new HashMap<>();
            for (JsonNode pair : pairs) {
                String text = pair.get("summary").asText() + "\n" + pair.path("description").asText("");
                answers.put(pair, index.similar(new SimilarQuery(text, projects, pair.get("project").asText(),
                        RecordKind.INCIDENT, null, null, null, 3)));
            }
            StringBuilder sweep = new StringBuilder();
            for (double t = 0.10; t <= 0.601; t += 0.05) {
                Outcome o = outcome(pairs, answers, groupOf, t);
                sweep.append(String.format(Locale.ROOT, "%n  threshold %.2f: recall %.2f (%d/%d), precision %.2f (%d/%d)",
                        t, o.recall(), o.found(), o.reports(), o.precision(), o.right(), o.suggestions()));
            }
            Outcome chosen = outcome(pairs, answers, groupOf, RecurrenceDetector.THRESHOLD);
            System.out.printf(Locale.ROOT, "recurrence suggestions on %d fresh reports:%s%n  chosen %.2f: recall %.2f,"
                    + " precision %.2f%n", pairs.size(), sweep, RecurrenceDetector.THRESHOLD, chosen.recall(),
                    chosen.precision());
            assertThat(chosen.recall()).as("repeats offered").isGreaterThanOrEqualTo(0.7);
            assertThat(chosen.precision()).as("suggestions that are right").isGreaterThanOrEqualTo(0.75);
        }
    }

    private static Outcome outcome(JsonNode pairs, Map<JsonNode, List<SimilarMatch>> answers,
                                   Map<String, String> groupOf, double threshold) {
        int reports = 0;
        int found = 0;
        int suggestions = 0;
        int right = 0;
        for (JsonNode pair : pairs) {
            String expected = pair.hasNonNull("expected") ? pair.get("expected").asText() : null;
            boolean any = false;
            for (SimilarMatch m : answers.get(pair)) {
                if (m.score() < threshold) {
                    continue;
                }
                suggestions++;
                if (expected != null && expected.equals(groupOf.get(m.issueKey()))) {
                    right++;
                    any = true;
                }
            }
            if (expected != null) {
                reports++;
                found += any ? 1 : 0;
            }
        }
        return new Outcome(reports, found, suggestions, right);
    }
}
