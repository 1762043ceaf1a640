package dev.failforward.jira.search;

import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.RecordQuery;
import dev.failforward.core.record.RecordSort;
import dev.failforward.core.record.SourcePage;
import dev.failforward.jira.archive.ArchivedLearning;
import dev.failforward.jira.archive.LearningArchivePage;
import dev.failforward.jira.archive.LearningQuery;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.failforward.jira.search.Records.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LuceneFailureIndexTest {

    private static final Set<String> ALL = Set.of("OPS", "LAB", "HR");

    @TempDir
    Path home;

    private final List<LuceneFailureIndex> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws IOException {
        for (LuceneFailureIndex index : opened) {
            index.close();
        }
    }

    private LuceneFailureIndex open() {
        LuceneFailureIndex index = LuceneFailureIndex.open(home.resolve("index"));
        opened.add(index);
        return index;
    }

    private static List<SearchableRecord> data() {
        return List.of(
                Records.incident(1, "OPS-1", "Database outage after the deployment").type(FailureType.BASIC,
                                FailureCategory.PROCESS_DEVIATION)
                        .description("The primary ran out of disk space while the migration was deploying.")
                        .factors("No alert on disk usage")
                        .why("Why did the database stop?", "The disk was full")
                        .with(b -> b.component("Billing DB").team("Core"))
                        .learning(11, "Deployments need a disk check first", LearningKind.INSIGHT, T0)
                        .learning(12, "We got lucky it was <b>night</b> & quiet", LearningKind.GOT_LUCKY,
                                T0.plusSeconds(86_400))
                        .build(),
                Records.experiment(2, "LAB-1", "Canary releases for the checkout").type(FailureType.INTELLIGENT,
                                FailureCategory.DESIGN_FLAW)
                        .with(b -> b.hypothesis("If we release to 5% first then errors drop because few see them")
                                .labels(Set.of("canary", "release-train")))
                        .learning(21, "Users noticed the canary quickly", LearningKind.SURPRISE,
                                Records.T0.plusSeconds(2 * 86_400), new SourcePage(
                                        "https://wiki.example.com/pages/viewpage.action?pageId=7", "LAB-1 retro"))
                        .learning(22, "The deploy pipeline handled the flag well", LearningKind.WENT_WELL,
                                T0.plusSeconds(40 * 86_400))
                        .build(),
                Records.incident(3, "HR-1", "Payroll delay caused by a deployment freeze")
                        .learning(31, "Secret payroll deployment detail", LearningKind.INSIGHT,
                                T0.plusSeconds(3 * 86_400))
                        .build(),
                Records.incident(4, "OPS-2", "Certificate expired on the load balancer").build());
    }

    private LuceneFailureIndex built() throws IOException {
        LuceneFailureIndex index = open();
        index.rebuild(data().iterator(), 4, "c-1", n -> { });
        return index;
    }

    private static LearningQuery learnings(String text) {
        return new LearningQuery(ALL, null, null, null, null, null, null, text, PageRequest.first(20));
    }

    private static List<Long> ids(LearningArchivePage page) {
        return page.items().stream().map(ArchivedLearning::id).toList();
    }

    private static List<String> keys(dev.failforward.core.record.RecordPage page) {
        return page.records().stream().map(FailureRecord::issueKey).toList();
    }

    // ----- lifecycle -----

    @Test
    void aMissingIndexNeedsARebuildThenIsReadyWithItsCursor() throws IOException {
        LuceneFailureIndex index = open();
        assertThat(index.status().state()).isEqualTo(IndexStatus.State.NEEDS_REBUILD);
        assertThat(index.status().reason()).isEqualTo("no index yet");
        assertThat(index.cursor()).isNull();
        assertThatThrownBy(() -> index.searchLearnings(learnings(null))).isInstanceOf(IllegalStateException.class);

        List<IndexStatus> during = new ArrayList<>();
        List<Integer> progress = new ArrayList<>();
        List<SearchableRecord> many = new ArrayList<>();
        for (int i = 1; i <= 2_500; i++) {
            many.add(Records.incident(i, "OPS-" + i, "Incident number " + i).build());
        }
        index.rebuild(many.iterator(), 2_500, "log:42", n -> {
            progress.add(n);
            during.add(index.status());
        });

        assertThat(progress).isSorted().last().isEqualTo(2_500);
        assertThat(during.get(0).state()).isEqualTo(IndexStatus.State.BUILDING);
        assertThat(during.get(0).percent()).isBetween(0, 99);
        assertThat(index.status()).isEqualTo(new IndexStatus(IndexStatus.State.READY, 100, null));
        assertThat(index.cursor()).isEqualTo("log:42");
        assertThat(index.searchRecords(RecordQuery.inProjects(Set.of("OPS"))).total()).isEqualTo(2_500);

        index.close();
        assertThat(index.status().state()).isEqualTo(IndexStatus.State.CLOSED);
        LuceneFailureIndex reopened = open();
        assertThat(reopened.status().ready()).isTrue();
        assertThat(reopened.cursor()).as("the cursor survives in the commit").isEqualTo("log:42");
        assertThat(reopened.searchRecords(RecordQuery.inProjects(Set.of("OPS"))).total()).isEqualTo(2_500);
    }

    @Test
    void anIndexOfAnotherFormatNeedsARebuild() throws IOException {
        Path dir = home.resolve("index");
        try (FSDirectory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            Document d = new Document();
            d.add(new StringField("type", "record", Field.Store.NO));
            writer.addDocument(d);
            writer.setLiveCommitData(Map.of(LuceneFailureIndex.FORMAT_KEY, "0",
                    LuceneFailureIndex.CURSOR_KEY, "old").entrySet());
            writer.commit();
        }
        LuceneFailureIndex index = open();

        assertThat(index.status().state()).isEqualTo(IndexStatus.State.NEEDS_REBUILD);
        assertThat(index.status().reason()).isEqualTo("index format 0, this version needs "
                + LuceneFailureIndex.FORMAT);
        index.rebuild(data().iterator(), 4, "new", n -> { });
        assertThat(index.status().ready()).isTrue();
        assertThat(index.cursor()).isEqualTo("new");
    }

    @Test
    void aCorruptIndexNeedsARebuildAndTheRebuildReplacesIt() throws IOException {
        built().close();
        Path dir = home.resolve("index");
        Path biggest;
        try (Stream<Path> files = Files.list(dir)) {
            biggest = files.filter(f -> !f.getFileName().toString().startsWith("segments")
                            && !f.getFileName().toString().equals("write.lock"))
                    .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(biggest);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(biggest, bytes);

        LuceneFailureIndex index = open();
        assertThat(index.status().state()).isEqualTo(IndexStatus.State.NEEDS_REBUILD);
        assertThat(index.status().reason()).startsWith("corrupt index");

        index.rebuild(data().iterator(), 4, "c-2", n -> { });
        assertThat(index.status().ready()).isTrue();
        assertThat(index.searchLearnings(learnings(null)).total()).isEqualTo(5);
    }

    @Test
    void garbageOrMissingFilesNeedARebuild() throws IOException {
        Path dir = home.resolve("index");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("segments_3"), "not an index at all");
        Files.writeString(dir.resolve("_0.si"), "junk");
        LuceneFailureIndex garbage = open();
        assertThat(garbage.status().state()).isEqualTo(IndexStatus.State.NEEDS_REBUILD);
        garbage.rebuild(data().iterator(), 4, "c-1", n -> { });
        assertThat(garbage.status().ready()).isTrue();
        garbage.close();

        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".si")).toList()) {
                Files.delete(f);
            }
        }
        LuceneFailureIndex missing = open();
        assertThat(missing.status().state()).isEqualTo(IndexStatus.State.NEEDS_REBUILD);
        assertThat(missing.status().reason()).startsWith("index files missing");
    }

    @Test
    void aTruncatedFileNeedsARebuild() throws IOException {
        built().close();
        Path dir = home.resolve("index");
        try (Stream<Path> files = Files.list(dir)) {
            Path any = files.filter(f -> f.getFileName().toString().endsWith(".cfs")
                    || f.getFileName().toString().endsWith(".fdt")).findFirst().orElseThrow();
            Files.write(any, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
        }
        assertThat(open().status().state()).isEqualTo(IndexStatus.State.NEEDS_REBUILD);
    }

    @Test
    void applyReplacesRecordsRemovesOthersAndIsHarmlessTwice() throws IOException {
        LuceneFailureIndex index = built();
        SearchableRecord changed = Records.incident(1, "OPS-1", "Database outage, now with a runbook")
                .learning(11, "Runbooks save minutes", LearningKind.INSIGHT, T0).build();

        for (int i = 0; i < 2; i++) {
            index.apply(List.of(changed), List.of(4L), "c-2");
            assertThat(index.cursor()).isEqualTo("c-2");
            assertThat(keys(index.searchRecords(RecordQuery.inProjects(Set.of("OPS")))))
                    .as("applied %d times", i + 1).containsExactly("OPS-1");
            assertThat(ids(index.searchLearnings(learnings(null).withProjects(Set.of("OPS"))))).containsExactly(11L);
            assertThat(index.searchLearnings(learnings("runbooks")).total()).isEqualTo(1);
            assertThat(index.searchLearnings(learnings("lucky")).total()).isZero();
        }
        index.apply(List.of(), List.of(999L), "c-3");
        assertThat(index.cursor()).isEqualTo("c-3");
        index.close();
        assertThat(open().cursor()).isEqualTo("c-3");
    }

    // ----- the archive -----

    @Test
    void archiveListsNewestFirstWithFacetsOfEveryMatch() throws IOException {
        LuceneFailureIndex index = built();
        LearningArchivePage page = index.searchLearnings(new LearningQuery(ALL, null, null, null, null, null, null,
                null, new PageRequest(1, 2)));

        assertThat(page.total()).isEqualTo(5);
        assertThat(ids(page)).containsExactly(31L, 21L);
        LearningArchivePage.Facets f = page.facets();
        assertThat(f.project()).isEqualTo(Map.of("OPS", 2, "LAB", 2, "HR", 1));
        assertThat(f.recordKind()).isEqualTo(Map.of("incident", 3, "experiment", 2));
        assertThat(f.learningKind()).isEqualTo(Map.of("insight", 2, "got_lucky", 1, "surprise", 1, "went_well", 1));
        assertThat(f.failureType()).isEqualTo(Map.of("basic", 2, "intelligent", 2));
        assertThat(f.category()).isEqualTo(Map.of("process_deviation", 2, "design_flaw", 2));
        assertThat(f.period()).isEqualTo(Map.of("2026-01", 4, "2026-02", 1));
        ArchivedLearning canary = page.items().get(1);
        assertThat(canary.record()).isEqualTo(new ArchivedLearning.RecordSummary("LAB-1", "LAB",
                "Canary releases for the checkout", RecordKind.EXPERIMENT, "Running", FailureType.INTELLIGENT,
                FailureCategory.DESIGN_FLAW));
        assertThat(canary.retroPage().title()).isEqualTo("LAB-1 retro");
        assertThat(canary.highlight()).as("no text, no highlight").isNull();
        ArchivedLearning flag = index.searchLearnings(learnings("flag")).items().get(0);
        assertThat(flag.retroPage()).as("the record's retro page").isEqualTo(canary.retroPage());
    }

    @Test
    void theLandingPageIsKeptPerCommitAndPerProjectSet() throws IOException {
        LuceneFailureIndex index = built();
        LearningQuery landing = learnings(null);
        LearningArchivePage before = index.searchLearnings(landing);
        assertThat(index.searchLearnings(landing)).as("the same searcher answers the same").isEqualTo(before);
        assertThat(index.searchLearnings(landing.withProjects(Set.of("LAB"))).total()).isEqualTo(2);
        assertThat(index.searchLearnings(new LearningQuery(ALL, null, null, null, null, null, null, null,
                new PageRequest(4, 20))).items()).as("a later page of the kept page")
                .extracting(ArchivedLearning::id).containsExactly(11L);

        index.apply(List.of(Records.incident(5, "HR-2", "Badge reader outage")
                .learning(51, "Keep a spare badge", LearningKind.INSIGHT, T0.plusSeconds(90 * 86_400)).build()),
                List.of(1L), "c-2");

        LearningArchivePage after = index.searchLearnings(landing);
        assertThat(after.total()).as("a commit is seen at once").isEqualTo(4);
        assertThat(ids(after)).startsWith(51L).doesNotContain(11L, 12L);
        assertThat(after.facets().project()).isEqualTo(Map.of("LAB", 2, "HR", 2));
        assertThat(index.searchLearnings(landing.withProjects(Set.of("LAB"))).total()).isEqualTo(2);
    }

    @Test
    void aProjectNotGivenNeverShowsInItemsTotalsOrFacets() throws IOException {
        LuceneFailureIndex index = built();
        for (String text : new String[] {null, "payroll", "deployment", "deploy*", "NOT canary"}) {
            LearningArchivePage page = index.searchLearnings(new LearningQuery(Set.of("OPS", "LAB"), null, null,
                    null, null, null, null, text, PageRequest.first(20)));
            assertThat(page.items()).as(text).noneMatch(l -> l.record().projectKey().equals("HR"));
            assertThat(page.facets().project()).as(text).doesNotContainKey("HR");
            assertThat(page.total()).as(text).isEqualTo(page.facets().project().values().stream()
                    .mapToInt(Integer::intValue).sum());
            assertThat(index.searchRecords(RecordQuery.inProjects(Set.of("OPS", "LAB")).withText(text == null
                    ? "payroll" : text)).records()).as(text).noneMatch(r -> r.projectKey().equals("HR"));
        }
        assertThat(index.searchLearnings(learnings("payroll").withProjects(Set.of())).total()).isZero();
        assertThat(index.similar(new SimilarQuery("payroll delay deployment freeze", Set.of("OPS"), null, null,
                null, null, null, 5))).noneMatch(m -> m.projectKey().equals("HR"));
    }

    @Test
    void textMatchesTheLearningOrItsRecord() throws IOException {
        LuceneFailureIndex index = built();
        assertThat(ids(index.searchLearnings(learnings("canary")))).as("learning text or record summary")
                .containsExactly(22L, 21L);
        assertThat(ids(index.searchLearnings(learnings("learning:canary")))).containsExactly(21L);
        assertThat(ids(index.searchLearnings(learnings("summary:canary")))).containsExactly(22L, 21L);
        assertThat(ids(index.searchLearnings(learnings("canary NOT learning:users")))).containsExactly(22L);
        assertThat(ids(index.searchLearnings(learnings("disk AND lucky")))).as("words on the learning and the record")
                .containsExactly(12L);
        assertThat(ids(index.searchLearnings(learnings("whys:full")))).containsExactly(12L, 11L);
        assertThat(ids(index.searchLearnings(learnings("component:billing")))).containsExactly(12L, 11L);
        assertThat(ids(index.searchLearnings(learnings("label:canary team:core")))).isEmpty();
        assertThat(ids(index.searchLearnings(learnings("label:release-train")))).containsExactly(22L, 21L);
        assertThat(ids(index.searchLearnings(learnings("key:OPS-1")))).containsExactly(12L, 11L);
    }

    @Test
    void wordsAreStemmedAndPhrasesAndPrefixesWork() throws IOException {
        LuceneFailureIndex index = built();
        RecordQuery ops = RecordQuery.inProjects(ALL);
        assertThat(keys(index.searchRecords(ops.withText("deployments")))).as("stemmed: deployment, deploying")
                .containsExactlyInAnyOrder("OPS-1", "HR-1", "LAB-1");
        assertThat(keys(index.searchRecords(ops.withText("\"deployment freeze\"")))).containsExactly("HR-1");
        assertThat(keys(index.searchRecords(ops.withText("\"freeze deployment\"")))).isEmpty();
        assertThat(keys(index.searchRecords(ops.withText("certif*")))).containsExactly("OPS-2");
        assertThat(keys(index.searchRecords(ops.withText("summary:deployment")))).containsExactly("HR-1", "OPS-1");
        assertThat(keys(index.searchRecords(ops.withText("payroll OR certificate")))).containsExactly("OPS-2", "HR-1");
        assertThat(keys(index.searchRecords(ops.withText("Database's outage")))).containsExactly("OPS-1");
        assertThat(keys(index.searchRecords(ops.withText("OPS-2")))).containsExactly("OPS-2");
        assertThat(keys(index.searchRecords(ops.withText("the deployment of the freeze"))))
                .as("stop words are no words to match, not even on the issue key").containsExactly("HR-1");
        assertThat(ids(index.searchLearnings(learnings("the canary")))).containsExactly(22L, 21L);
    }

    @Test
    void highlightsAreSegmentsOfThePlainText() throws IOException {
        LuceneFailureIndex index = built();
        ArchivedLearning lucky = index.searchLearnings(learnings("night OR deployments")).items().stream()
                .filter(l -> l.id() == 12).findFirst().orElseThrow();
        assertThat(lucky.highlight()).containsExactly(
                new ArchivedLearning.Segment("We got lucky it was <b>", false),
                new ArchivedLearning.Segment("night", true),
                new ArchivedLearning.Segment("</b> & quiet", false));
        assertThat(lucky.highlight().stream().map(ArchivedLearning.Segment::text).collect(Collectors.joining()))
                .isEqualTo(lucky.text());

        ArchivedLearning deployments = index.searchLearnings(learnings("deploy NOT night")).items().stream()
                .filter(l -> l.id() == 11).findFirst().orElseThrow();
        assertThat(deployments.highlight()).containsExactly(new ArchivedLearning.Segment("Deployments", true),
                new ArchivedLearning.Segment(" need a disk check first", false));
        ArchivedLearning viaRecord = index.searchLearnings(learnings("summary:outage")).items().get(0);
        assertThat(viaRecord.highlight()).as("matched through the record: nothing to mark")
                .containsExactly(new ArchivedLearning.Segment(viaRecord.text(), false));
    }

    @Test
    void aSyntaxErrorSaysWhere() throws IOException {
        LuceneFailureIndex index = built();
        assertThat(position(index, "disk AND")).isEqualTo(8);
        assertThat(position(index, "disk (full")).isEqualTo(10);
        assertThat(position(index, "disk \"full")).isEqualTo(5);
        assertThat(position(index, "disk owner:anna")).isEqualTo(5);
        assertThat(position(index, "disk *ull")).isEqualTo(5);
        assertThat(position(index, "disk /fu.*/")).isEqualTo(5);
        assertThat(position(index, "disk d*")).isEqualTo(5);
        String tooMany = Stream.generate(() -> "w").limit(QueryLanguage.MAX_TERMS + 1)
                .collect(Collectors.joining(" "));
        assertThatThrownBy(() -> index.searchRecords(RecordQuery.inProjects(ALL).withText(tooMany)))
                .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("At most 64");
    }

    private static int position(LuceneFailureIndex index, String text) {
        try {
            index.searchLearnings(learnings(text));
        } catch (QuerySyntaxException e) {
            assertThatThrownBy(() -> index.searchRecords(RecordQuery.inProjects(ALL).withText(text)))
                    .isInstanceOf(QuerySyntaxException.class);
            return e.position();
        }
        throw new AssertionError("no syntax error for " + text);
    }

    // ----- records -----

    @Test
    void recordsAreFilteredSortedAndPagedAsTheSqlSearch() throws IOException {
        LuceneFailureIndex index = built();
        RecordQuery all = RecordQuery.inProjects(ALL);
        assertThat(keys(index.searchRecords(all))).containsExactly("OPS-2", "HR-1", "LAB-1", "OPS-1");
        assertThat(keys(index.searchRecords(all.sortedBy(RecordSort.KEY, true))))
                .containsExactly("HR-1", "LAB-1", "OPS-1", "OPS-2");
        dev.failforward.core.record.RecordPage page = index.searchRecords(all.withPage(new PageRequest(1, 2)));
        assertThat(keys(page)).containsExactly("HR-1", "LAB-1");
        assertThat(page.total()).isEqualTo(4);
        assertThat(keys(index.searchRecords(all.withKind(RecordKind.EXPERIMENT)))).containsExactly("LAB-1");
        assertThat(keys(index.searchRecords(all.withStatuses(Set.of("Reported"))
                .withFailureType(FailureType.BASIC)))).containsExactly("OPS-1");
        assertThat(keys(index.searchRecords(all.withCreated(T0.plusSeconds(2 * 3600), T0.plusSeconds(4 * 3600)))))
                .containsExactly("HR-1", "LAB-1");
        FailureRecord stored = index.searchRecords(all.withText("canary")).records().get(0);
        assertThat(stored).isEqualTo(data().get(1).details().record());
    }

    // ----- similar -----

    @Test
    void similarRanksBySharedDistinctiveWordsAndSaysWhich() throws IOException {
        LuceneFailureIndex index = built();
        List<SimilarMatch> matches = index.similar(new SimilarQuery(
                "The database disk filled up during a deployment and the primary stopped", ALL, "OPS", null,
                null, "billing db", FailureCategory.PROCESS_DEVIATION, 3));

        assertThat(matches).isNotEmpty();
        SimilarMatch best = matches.get(0);
        assertThat(best.issueKey()).isEqualTo("OPS-1");
        assertThat(best.reasons()).contains("disk", "database", "same component", "same category");
        assertThat(best.reasons().indexOf("same component")).isGreaterThan(best.reasons().indexOf("disk"));

        assertThat(index.similar(new SimilarQuery("database disk deployment", ALL, null, RecordKind.INCIDENT,
                "OPS-1", null, null, 5))).extracting(SimilarMatch::issueKey).doesNotContain("OPS-1", "LAB-1");
        // every project browsable (no project filter in the query): the excluded issue stays out all the same
        assertThat(index.similar(new SimilarQuery("database disk deployment", ALL, null, null, "OPS-1", null, null,
                5))).extracting(SimilarMatch::issueKey).isNotEmpty().doesNotContain("OPS-1");
        Set<String> allAndMore = new java.util.HashSet<>(ALL);
        allAndMore.add("NOPE");
        assertThat(index.similar(new SimilarQuery("database disk deployment", allAndMore, null, null, null, null,
                null, 5))).extracting(SimilarMatch::issueKey)
                .isEqualTo(index.similar(new SimilarQuery("database disk deployment", ALL, null, null, null, null,
                        null, 5)).stream().map(SimilarMatch::issueKey).toList());
        assertThat(index.similar(new SimilarQuery("   ", ALL, null, null, null, null, null, 5))).isEmpty();
        assertThat(index.similar(new SimilarQuery("zebra", ALL, null, null, null, null, null, 5))).isEmpty();
    }
}
