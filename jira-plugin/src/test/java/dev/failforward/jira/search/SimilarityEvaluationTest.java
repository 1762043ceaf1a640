package dev.failforward.jira.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.WhyStep;
import dev.failforward.jira.failuredb.RecordDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Similar-failure ranking on the held-out corpus {@code search/postmortems.json} (88 fictional post-mortems, 23 groups
 * of repeats and 22 distractor singletons; see the corpus README on branch i14-corpus). Each grouped post-mortem is a
 * query, with its whole text, as the issue being written (excluded from the answer, its project and component given
 * as the issue would give them, its category not, since a group shares its category); the relevant answers are the
 * other records of its group.
 *
 * <p><b>recall@3</b>: the share of a query's relevant records among the first three, averaged over queries (a group
 * of four has three relevant, so all of them must be in the top three). <b>MRR</b>: the mean of 1 / rank of the first
 * relevant record.
 */
class SimilarityEvaluationTest {

    static final double MIN_RECALL_AT_3 = 0.8;
    static final double MIN_MRR = 0.85;

    @TempDir
    Path home;

    record Post(String key, String group, SearchableRecord record, String text) {
    }

    static List<Post> corpus() throws IOException {
        JsonNode root;
        try (InputStream in = SimilarityEvaluationTest.class.getResourceAsStream("/search/postmortems.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<Post> posts = new ArrayList<>();
        long id = 1;
        long learningId = 1;
        for (JsonNode n : root) {
            String key = n.get("key").asText();
            java.time.Instant reported = LocalDate.parse(n.get("reported").asText()).atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
            FailureRecord.Builder b = FailureRecord.builder().issueId(id).issueKey(key)
                    .projectKey(n.get("project").asText()).kind(RecordKind.valueOf(n.get("kind").asText()))
                    .summary(n.get("summary").asText()).status("Done").createdAt(reported).updatedAt(reported)
                    .component(text(n, "component"))
                    .failureCategory(n.hasNonNull("category") ? FailureCategory.valueOf(n.get("category").asText())
                            : null)
                    .hypothesis(text(n, "hypothesis"));
            List<WhyStep> whys = new ArrayList<>();
            for (JsonNode why : n.path("whys")) {
                whys.add(new WhyStep(id, whys.size() + 1, "Why?", why.asText()));
            }
            List<Learning> learnings = new ArrayList<>();
            for (JsonNode learning : n.path("learnings")) {
                learnings.add(new Learning(learningId++, id, learning.asText(), LearningKind.INSIGHT, "u-anna",
                        reported));
            }
            List<String> factors = new ArrayList<>();
            n.path("contributingFactors").forEach(f -> factors.add(f.asText()));
            String description = text(n, "description");
            SearchableRecord record = new SearchableRecord(new RecordDetails(b.build(), learnings, List.of(), whys),
                    description, factors.isEmpty() ? null : String.join("\n", factors));

            StringJoiner all = new StringJoiner("\n");
            all.add(n.get("summary").asText());
            if (description != null) {
                all.add(description);
            }
            if (text(n, "hypothesis") != null) {
                all.add(n.get("hypothesis").asText());
            }
            whys.forEach(w -> all.add(w.answer()));
            factors.forEach(all::add);
            learnings.forEach(l -> all.add(l.text()));
            posts.add(new Post(key, n.hasNonNull("group") ? n.get("group").asText() : null, record, all.toString()));
            id++;
        }
        return posts;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) && !n.get(field).asText().isBlank() ? n.get(field).asText() : null;
    }

    @Test
    void findsTheOtherRecordsOfAGroupFirst() throws IOException {
        List<Post> posts = corpus();
        Set<String> projects = new HashSet<>();
        posts.forEach(p -> projects.add(p.record().details().record().projectKey()));
        try (LuceneFailureIndex index = LuceneFailureIndex.open(home.resolve("index"))) {
            index.rebuild(posts.stream().map(Post::record).iterator(), posts.size(), "eval", n -> { });

            double recall = 0;
            double reciprocal = 0;
            int queries = 0;
            StringBuilder misses = new StringBuilder();
            for (Post query : posts) {
                if (query.group() == null) {
                    continue;
                }
                Set<String> relevant = new HashSet<>();
                posts.stream().filter(p -> query.group().equals(p.group()) && !p.key().equals(query.key()))
                        .forEach(p -> relevant.add(p.key()));
                FailureRecord r = query.record().details().record();
                List<SimilarMatch> found = index.similar(new SimilarQuery(query.text(), projects, r.projectKey(),
                        null, query.key(), r.component(), null, 10));
                List<String> keys = found.stream().map(SimilarMatch::issueKey).toList();
                long inTop3 = keys.stream().limit(3).filter(relevant::contains).count();
                recall += (double) inTop3 / Math.min(3, relevant.size());
                int rank = 0;
                for (int i = 0; i < keys.size(); i++) {
                    if (relevant.contains(keys.get(i))) {
                        rank = i + 1;
                        break;
                    }
                }
                reciprocal += rank == 0 ? 0 : 1.0 / rank;
                if (inTop3 < Math.min(3, relevant.size())) {
                    misses.append(String.format(Locale.ROOT, "%n  %-10s %-26s first relevant at %d, top 3 %s",
                            query.key(), query.group(), rank, keys.stream().limit(3).toList()));
                }
                queries++;
            }
            recall /= queries;
            double mrr = reciprocal / queries;
            System.out.printf(Locale.ROOT, "similar on %d post-mortems, %d queries: recall@3 %.3f, MRR %.3f%s%n",
                    posts.size(), queries, recall, mrr, misses);

            assertThat(recall).as("recall@3").isGreaterThanOrEqualTo(MIN_RECALL_AT_3);
            assertThat(mrr).as("MRR").isGreaterThanOrEqualTo(MIN_MRR);
        }
    }
}
