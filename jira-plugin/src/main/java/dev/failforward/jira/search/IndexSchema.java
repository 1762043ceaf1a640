package dev.failforward.jira.search;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.SourcePage;
import dev.failforward.core.record.WhyStep;
import dev.failforward.jira.archive.ArchivedLearning;
import dev.failforward.jira.archive.LearningArchivePage;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The layout of the index: one block of documents per record, its learnings first (type {@code learning}), the record
 * last (type {@code record}, the block's parent). Every document of a block carries the record's issue id, so one
 * {@code updateDocuments} replaces a record atomically.
 *
 * <p>A learning document holds its own text and, as plain keyword fields and facets, the record's filter values
 * (project, record kind, failure type, category, status): filters and facets never need the join. The record's text
 * lives only on the record document; a text query over the archive reaches it through a block join (see
 * {@link QueryLanguage#forLearnings}). The record document also holds all its learnings' text, for the record search
 * and for similarity, in a field of its own ({@code learnings}).
 */
final class IndexSchema {

    static final String TYPE = "type";
    static final String RECORD = "record";
    static final String LEARNING = "learning";

    // keyword fields (exact values), on both kinds of document unless noted
    static final String ISSUE_ID = "issueId";
    static final String ISSUE_KEY_EXACT = "issueKey";
    static final String PROJECT = "project";
    static final String RECORD_KIND = "recordKind";
    static final String STATUS = "status";
    static final String PHASE = "phase";
    static final String FAILURE_TYPE = "failureType";
    static final String CATEGORY = "category";
    /** Learnings only. */
    static final String LEARNING_KIND = "learningKind";

    // points and doc values: a learning's creation time on learnings, the record's on records
    static final String CREATED = "created";
    static final String CREATED_DV = "createdSort";
    static final String UPDATED_DV = "updatedSort";
    static final String PROJECT_DV = "projectSort";
    static final String ISSUE_NUM_DV = "issueNumSort";
    static final String ISSUE_ID_DV = "issueIdSort";
    static final String LEARNING_ID_DV = "learningIdSort";

    // stored values
    static final String RECORD_BLOB = "recordValue";
    static final String LEARNING_BLOB = "learningValue";
    static final String LEARNING_ID = "learningId";
    static final String STORED_LEARNING_KIND = "learningKindValue";
    static final String STORED_CREATED = "createdValue";
    static final String LEARNING_SOURCE_URL = "sourceUrl";
    static final String LEARNING_SOURCE_TITLE = "sourceTitle";

    // text fields (the query language's field names, see QueryLanguage)
    static final String KEY = "key";
    static final String SUMMARY = "summary";
    static final String DESCRIPTION = "description";
    static final String HYPOTHESIS = "hypothesis";
    static final String CRITERIA = "criteria";
    static final String WHYS = "whys";
    static final String FACTORS = "factors";
    static final String TEAM = "team";
    static final String COMPONENT = "component";
    static final String LABEL = "label";
    /** A learning document's own text. */
    static final String LEARNING_TEXT = "learning";
    /** A record document's learnings' text (a field of its own: its statistics are the records'). */
    static final String LEARNINGS = "learnings";

    /**
     * Every text value of a record document that similarity weighs ({@link SimilarRecords#FIELD_WEIGHTS}), as one
     * field: terms and frequencies only (no positions, not stored). Similarity finds its candidates with one term
     * query per word here, then ranks them by the weighted per-field query.
     */
    static final String SIMILAR_TEXT = "similarText";
    private static final org.apache.lucene.document.FieldType SIMILAR_TEXT_TYPE = similarTextType();

    private static org.apache.lucene.document.FieldType similarTextType() {
        org.apache.lucene.document.FieldType type = new org.apache.lucene.document.FieldType();
        type.setTokenized(true);
        type.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS);
        type.setStored(false);
        type.freeze();
        return type;
    }

    /** The text fields of a record document apart from its learnings. */
    static final List<String> RECORD_TEXT = List.of(KEY, SUMMARY, DESCRIPTION, HYPOTHESIS, CRITERIA, WHYS, FACTORS,
            TEAM, COMPONENT, LABEL);
    /** Every text field of a record document. */
    static final List<String> ALL_TEXT = List.of(KEY, SUMMARY, DESCRIPTION, HYPOTHESIS, CRITERIA, WHYS, FACTORS,
            TEAM, COMPONENT, LABEL, LEARNINGS);
    /** The text a learning is searched by: the record's and its own. */
    static final List<String> LEARNING_SEARCH_TEXT = List.of(KEY, SUMMARY, DESCRIPTION, HYPOTHESIS, CRITERIA, WHYS,
            FACTORS, TEAM, COMPONENT, LABEL, LEARNING_TEXT);

    // facets (SortedSetDocValuesFacetField, learnings only)
    static final String FACET_PROJECT = "project";
    static final String FACET_RECORD_KIND = "recordKind";
    static final String FACET_LEARNING_KIND = "learningKind";
    static final String FACET_FAILURE_TYPE = "failureType";
    static final String FACET_CATEGORY = "category";
    static final String FACET_PERIOD = "period";

    /** Facets for counting only: no drill-down terms (filters use the keyword fields). */
    static final FacetsConfig FACETS = facetsConfig();

    private static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        for (String dim : List.of("project", "recordKind", "learningKind", "failureType", "category", "period")) {
            config.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.NONE);
        }
        return config;
    }

    private IndexSchema() {
    }

    static Term idTerm(long issueId) {
        return new Term(ISSUE_ID, Long.toString(issueId));
    }

    /** The documents of one record: its learnings, then the record (the block's parent, last). */
    static List<Document> block(SearchableRecord searchable, Analyzer analyzer) {
        FailureRecord r = searchable.details().record();
        List<Learning> learnings = searchable.details().learnings();
        ArchivedLearning.RecordSummary summary = new ArchivedLearning.RecordSummary(r.issueKey(), r.projectKey(),
                r.summary(), r.kind(), r.status(), r.failureType(), r.failureCategory());
        SourcePage newestPage = learnings.stream().filter(l -> l.source() != null)
                .max(Comparator.comparing(Learning::createdAt).thenComparingLong(Learning::id))
                .map(Learning::source).orElse(null);
        byte[] recordOfLearning = StoredValues.learning(summary, newestPage);

        List<Document> block = new ArrayList<>(learnings.size() + 1);
        List<AnalyzedText> learningTokens = new ArrayList<>(learnings.size());
        try {
            for (Learning l : learnings) {
                AnalyzedText tokens = AnalyzedText.of(analyzer, LEARNING_TEXT, l.text());
                learningTokens.add(tokens);
                Document d = new Document();
                d.add(new StringField(TYPE, LEARNING, Field.Store.NO));
                keywords(d, r);
                d.add(new StringField(LEARNING_KIND, l.kind().name(), Field.Store.NO));
                long created = l.createdAt().toEpochMilli();
                d.add(new LongPoint(CREATED, created));
                d.add(new NumericDocValuesField(CREATED_DV, created));
                d.add(new NumericDocValuesField(LEARNING_ID_DV, l.id()));
                d.add(new StoredField(LEARNING_ID, l.id()));
                d.add(new StoredField(STORED_LEARNING_KIND, l.kind().name()));
                d.add(new StoredField(STORED_CREATED, created));
                d.add(new StoredField(LEARNING_TEXT, l.text()));
                d.add(new Field(LEARNING_TEXT, tokens.replay(), TextField.TYPE_NOT_STORED));
                if (l.source() != null) {
                    d.add(new StoredField(LEARNING_SOURCE_URL, l.source().url()));
                    if (l.source().title() != null) {
                        d.add(new StoredField(LEARNING_SOURCE_TITLE, l.source().title()));
                    }
                }
                d.add(new StoredField(LEARNING_BLOB, new BytesRef(recordOfLearning)));
                d.add(new SortedSetDocValuesFacetField(FACET_PROJECT, r.projectKey()));
                d.add(new SortedSetDocValuesFacetField(FACET_RECORD_KIND, lower(r.kind())));
                d.add(new SortedSetDocValuesFacetField(FACET_LEARNING_KIND, lower(l.kind())));
                if (r.failureType() != null) {
                    d.add(new SortedSetDocValuesFacetField(FACET_FAILURE_TYPE, lower(r.failureType())));
                }
                if (r.failureCategory() != null) {
                    d.add(new SortedSetDocValuesFacetField(FACET_CATEGORY, lower(r.failureCategory())));
                }
                d.add(new SortedSetDocValuesFacetField(FACET_PERIOD,
                        LearningArchivePage.Facets.period(l.createdAt())));
                block.add(FACETS.build(d));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        Document d = new Document();
        d.add(new StringField(TYPE, RECORD, Field.Store.NO));
        keywords(d, r);
        if (r.phase() != null) {
            d.add(new StringField(PHASE, r.phase().name(), Field.Store.NO));
        }
        long created = r.createdAt().toEpochMilli();
        d.add(new LongPoint(CREATED, created));
        d.add(new NumericDocValuesField(CREATED_DV, created));
        d.add(new NumericDocValuesField(UPDATED_DV, r.updatedAt().toEpochMilli()));
        d.add(new SortedDocValuesField(PROJECT_DV, new BytesRef(r.projectKey())));
        d.add(new NumericDocValuesField(ISSUE_NUM_DV, r.issueNumber()));
        d.add(new NumericDocValuesField(ISSUE_ID_DV, r.issueId()));
        d.add(new StoredField(RECORD_BLOB, new BytesRef(StoredValues.record(r))));
        text(d, analyzer, KEY, r.issueKey());
        text(d, analyzer, SUMMARY, r.summary());
        text(d, analyzer, DESCRIPTION, searchable.description());
        text(d, analyzer, HYPOTHESIS, r.hypothesis());
        text(d, analyzer, HYPOTHESIS, r.hypothesisCondition());
        text(d, analyzer, HYPOTHESIS, r.hypothesisOutcome());
        text(d, analyzer, HYPOTHESIS, r.hypothesisRationale());
        text(d, analyzer, CRITERIA, r.successCriteria());
        text(d, analyzer, CRITERIA, r.stopCriteria());
        for (WhyStep why : searchable.details().whys()) {
            text(d, analyzer, WHYS, why.question());
            text(d, analyzer, WHYS, why.answer());
        }
        text(d, analyzer, FACTORS, searchable.contributingFactors());
        text(d, analyzer, TEAM, r.team());
        text(d, analyzer, COMPONENT, r.component());
        for (String label : r.labels()) {
            text(d, analyzer, LABEL, label);
        }
        for (int i = 0; i < learnings.size(); i++) {
            text(d, LEARNINGS, learnings.get(i).text(), learningTokens.get(i));
        }
        block.add(d);
        return block;
    }

    /** The record's keyword fields, on each document of its block. */
    private static void keywords(Document d, FailureRecord r) {
        d.add(new StringField(ISSUE_ID, Long.toString(r.issueId()), Field.Store.NO));
        d.add(new StringField(ISSUE_KEY_EXACT, r.issueKey(), Field.Store.NO));
        d.add(new StringField(PROJECT, r.projectKey(), Field.Store.NO));
        d.add(new StringField(RECORD_KIND, r.kind().name(), Field.Store.NO));
        d.add(new StringField(STATUS, r.status(), Field.Store.NO));
        if (r.failureType() != null) {
            d.add(new StringField(FAILURE_TYPE, r.failureType().name(), Field.Store.NO));
        }
        if (r.failureCategory() != null) {
            d.add(new StringField(CATEGORY, r.failureCategory().name(), Field.Store.NO));
        }
    }

    private static void text(Document d, Analyzer analyzer, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (SimilarRecords.FIELD_WEIGHTS.containsKey(field)) {
            text(d, field, value, AnalyzedText.of(analyzer, field, value));
        } else {
            d.add(new TextField(field, value, Field.Store.YES));
        }
    }

    /** A value of a field similarity weighs: in its field and in the combined one, analyzed once. */
    private static void text(Document d, String field, String value, AnalyzedText tokens) {
        if (value == null || value.isBlank()) {
            return;
        }
        d.add(new StoredField(field, value));
        d.add(new Field(field, tokens.replay(), TextField.TYPE_NOT_STORED));
        d.add(new Field(SIMILAR_TEXT, tokens.replay(), SIMILAR_TEXT_TYPE));
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static Set<String> facetDimensions() {
        return Set.of(FACET_PROJECT, FACET_RECORD_KIND, FACET_LEARNING_KIND, FACET_FAILURE_TYPE, FACET_CATEGORY,
                FACET_PERIOD);
    }
}
