package dev.failforward.jira.search;

import dev.failforward.core.record.FailureRecord;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * "Have we failed like this before?": ranks records by how much of the query text's <em>distinctive</em> vocabulary
 * their text shares, in the spirit of MoreLikeThis:
 * <ol>
 *   <li>the query text is analyzed like the index (stemmed English, no stop words);</li>
 *   <li>each term is weighed by tf-idf against the record documents ({@code (1 + ln tf) * idf}, idf from the term's
 *       highest document frequency over the text fields, so a word common in any field counts little), numbers and
 *       one-letter tokens dropped, and the best {@value #MAX_TERMS} kept;</li>
 *   <li>one clause per kept term: the best of its matches over the text fields (a dis-max with a small tie-break),
 *       each field weighted ({@link #FIELD_WEIGHTS}: the summary, learnings and 5 whys say what a failure was about;
 *       the description and criteria also say much else). Phrase clauses for neighbouring query terms were tried
 *       and left out: on the evaluation corpus they changed nothing, and they cost most of the query time;</li>
 *   <li>BM25 scores that against records of the browsable projects (and kind), without the excluded issue: first the
 *       best {@value #CANDIDATES} by the {@value #CANDIDATE_TERMS} most distinctive terms in one field holding all
 *       that text ({@link IndexSchema#SIMILAR_TEXT}, one term query per term instead of ten), then those by the
 *       weighted per-field query over all the terms (a rescoring of the few
 *       candidates, not a search of every match: at 100,000 records it was most of the time); the best
 *       {@value #RERANK_FACTOR}x are then nudged up a little for the same project, component or category, and
 *       cut to {@code max}.</li>
 * </ol>
 * The reasons are the shared terms of most weight, as the matched record writes them (re-analyzed from its stored
 * text, so "expired" rather than the stem "expir"), then "same component" / "same category". The score of a match is
 * not BM25's (which has no scale) but the share of the query's term weight the record contains, 0..1, so one
 * threshold means the same for a short and a long text.
 */
final class SimilarRecords {

    static final int MAX_TERMS = 25;
    /** How many times {@link #MAX_TERMS} terms are weighed field by field (see {@link #distinctive}). */
    static final int PRESELECTED = 2;
    /** The most distinctive of those that choose the candidates. */
    static final int CANDIDATE_TERMS = 10;
    static final int RERANK_FACTOR = 3;
    /** Candidates the combined field gives for the weighted ranking (see {@link IndexSchema#SIMILAR_TEXT}). */
    static final int CANDIDATES = 200;
    static final int MAX_REASON_TERMS = 5;
    static final float TIE_BREAK = 0.3f;
    static final double SAME_PROJECT = 0.05;
    static final double SAME_COMPONENT = 0.15;
    static final double SAME_CATEGORY = 0.1;

    /** How much a match in each text field says about what the failure was. */
    static final Map<String, Float> FIELD_WEIGHTS = weights();

    private static Map<String, Float> weights() {
        Map<String, Float> weights = new LinkedHashMap<>();
        weights.put(IndexSchema.SUMMARY, 3.0f);
        weights.put(IndexSchema.LEARNINGS, 2.0f);
        weights.put(IndexSchema.WHYS, 2.0f);
        weights.put(IndexSchema.FACTORS, 1.5f);
        weights.put(IndexSchema.HYPOTHESIS, 1.5f);
        weights.put(IndexSchema.DESCRIPTION, 1.0f);
        weights.put(IndexSchema.COMPONENT, 1.0f);
        weights.put(IndexSchema.LABEL, 1.0f);
        weights.put(IndexSchema.CRITERIA, 0.7f);
        weights.put(IndexSchema.TEAM, 0.5f);
        return Map.copyOf(weights);
    }

    private final Analyzer analyzer;

    SimilarRecords(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** A query term and its weight in the query. */
    record Weighted(String term, double weight, Map<String, TermStates> fields) {
    }

    List<SimilarMatch> find(IndexSearcher searcher, SimilarQuery query) throws IOException {
        return find(searcher, query, CANDIDATES);
    }

    /**
     * @param candidateCount how many records of the combined field's ranking the weighted query ranks again
     *                   ({@link #CANDIDATES}; the benchmark compares with every matching record)
     */
    List<SimilarMatch> find(IndexSearcher searcher, SimilarQuery query, int candidateCount) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        int records = reader.docFreq(new Term(IndexSchema.TYPE, IndexSchema.RECORD));
        if (records == 0) {
            return List.of();
        }
        Analyzed analyzed = analyze(query.text());
        List<Weighted> terms = distinctive(searcher, records, analyzed.frequencies());
        if (terms.isEmpty()) {
            return List.of();
        }
        Map<String, Double> weightOf = new HashMap<>();
        terms.forEach(t -> weightOf.put(t.term(), t.weight()));
        double top = terms.get(0).weight();

        BooleanQuery.Builder like = new BooleanQuery.Builder();
        for (Weighted t : terms) {
            List<Query> perField = new ArrayList<>();
            // only the fields that hold the term, each with the term's states looked up once (for its weight too)
            for (Map.Entry<String, TermStates> field : t.fields().entrySet()) {
                perField.add(new BoostQuery(new TermQuery(new Term(field.getKey(), t.term()), field.getValue()),
                        FIELD_WEIGHTS.get(field.getKey())));
            }
            like.add(new BoostQuery(new DisjunctionMaxQuery(perField, TIE_BREAK), (float) (t.weight() / top)),
                    BooleanClause.Occur.SHOULD);
        }
        // candidates: the query's most distinctive words in the one combined field (a cheap disjunction of term
        // queries), then the best of them ranked by the weighted per-field query (which would cost ten times as much
        // over every match). Only record documents have that field, so no filter on the type; and the projects are
        // a filter only when some project of the index is not browsable: a query of nothing but its words (and the
        // excluded issue) is scored by Lucene's fastest path for disjunctions, which skips the records that cannot
        // reach the best few.
        BooleanQuery.Builder anyField = new BooleanQuery.Builder();
        for (Weighted t : terms.subList(0, Math.min(CANDIDATE_TERMS, terms.size()))) {
            anyField.add(new BoostQuery(new TermQuery(new Term(IndexSchema.SIMILAR_TEXT, t.term())),
                    (float) (t.weight() / top)), BooleanClause.Occur.SHOULD);
        }
        BooleanQuery.Builder filters = new BooleanQuery.Builder();
        boolean filtered = false;
        if (!coversEveryProject(reader, query.projectKeys())) {
            filters.add(LuceneFailureIndex.inSet(IndexSchema.PROJECT, query.projectKeys()), BooleanClause.Occur.FILTER);
            filtered = true;
        }
        if (query.kind() != null) {
            filters.add(LuceneFailureIndex.term(IndexSchema.RECORD_KIND, query.kind().name()),
                    BooleanClause.Occur.FILTER);
            filtered = true;
        }
        Query candidateQuery;
        if (filtered) {
            BooleanQuery.Builder c = new BooleanQuery.Builder().add(anyField.build(), BooleanClause.Occur.MUST);
            filters.build().clauses().forEach(c::add);
            if (query.exclude() != null) {
                c.add(LuceneFailureIndex.term(IndexSchema.ISSUE_KEY_EXACT, query.exclude()), BooleanClause.Occur.MUST_NOT);
            }
            candidateQuery = c.build();
        } else {
            if (query.exclude() != null) {
                anyField.add(LuceneFailureIndex.term(IndexSchema.ISSUE_KEY_EXACT, query.exclude()),
                        BooleanClause.Occur.MUST_NOT);
            }
            candidateQuery = anyField.build();
        }
        TopDocs first = searcher.search(candidateQuery, Math.max(candidateCount, query.max() * RERANK_FACTOR));
        TopDocs top2 = new QueryRescorer(like.build()) {
            @Override
            protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                return secondPassMatches ? secondPassScore : 0;
            }
        }.rescore(searcher, first, query.max() * RERANK_FACTOR);

        List<Candidate> candidates = new ArrayList<>();
        for (ScoreDoc hit : top2.scoreDocs) {
            FailureRecord r = LuceneFailureIndex.record(searcher.storedFields().document(hit.doc, RECORD_ONLY));
            boolean sameComponent = query.component() != null && r.component() != null
                    && r.component().strip().equalsIgnoreCase(query.component().strip());
            boolean sameCategory = query.category() != null && query.category() == r.failureCategory();
            boolean sameProject = query.project() != null && query.project().equals(r.projectKey());
            double score = hit.score * (1 + (sameProject ? SAME_PROJECT : 0) + (sameComponent ? SAME_COMPONENT : 0)
                    + (sameCategory ? SAME_CATEGORY : 0));
            candidates.add(new Candidate(hit.doc, r, score, sameComponent, sameCategory));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingLong(c -> c.record().issueId()));
        double totalWeight = terms.stream().mapToDouble(Weighted::weight).sum();
        List<SimilarMatch> matches = new ArrayList<>();
        for (Candidate c : candidates.subList(0, Math.min(query.max(), candidates.size()))) {
            Shared shared = sharedTerms(searcher.storedFields().document(c.doc(), TEXT_ONLY), weightOf);
            List<String> reasons = new ArrayList<>(shared.reasons());
            if (c.sameComponent()) {
                reasons.add("same component");
            }
            if (c.sameCategory()) {
                reasons.add("same category");
            }
            FailureRecord r = c.record();
            // the score people see and thresholds compare: how much of the query's distinctive vocabulary (by weight)
            // the record shares, 0..1, nudged like the ranking for the same component or category
            double similarity = Math.min(1.0, shared.weight() / totalWeight
                    * (1 + (c.sameComponent() ? SAME_COMPONENT : 0) + (c.sameCategory() ? SAME_CATEGORY : 0)));
            matches.add(new SimilarMatch(r.issueId(), r.issueKey(), r.projectKey(), r.summary(), similarity, reasons));
        }
        return matches;
    }

    /** Whether the browsable projects include every project that has a document in the index. */
    static boolean coversEveryProject(IndexReader reader, Set<String> browsable) throws IOException {
        for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
            org.apache.lucene.index.Terms projects = leaf.reader().terms(IndexSchema.PROJECT);
            if (projects == null) {
                continue;
            }
            org.apache.lucene.index.TermsEnum e = projects.iterator();
            for (org.apache.lucene.util.BytesRef t = e.next(); t != null; t = e.next()) {
                if (!browsable.contains(t.utf8ToString())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static final Set<String> RECORD_ONLY = Set.of(IndexSchema.RECORD_BLOB);
    private static final Set<String> TEXT_ONLY = FIELD_WEIGHTS.keySet();

    private record Candidate(int doc, FailureRecord record, double score, boolean sameComponent,
                             boolean sameCategory) {
    }

    /** The analyzed query text's term frequencies. */
    record Analyzed(Map<String, Integer> frequencies) {
    }

    Analyzed analyze(String text) throws IOException {
        Map<String, Integer> frequencies = new HashMap<>();
        try (TokenStream tokens = analyzer.tokenStream(IndexSchema.DESCRIPTION, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String t = term.toString();
                if (useful(t)) {
                    frequencies.merge(t, 1, Integer::sum);
                }
            }
            tokens.end();
        }
        return new Analyzed(frequencies);
    }

    /** Numbers and single letters say little about what failed. */
    private static boolean useful(String term) {
        if (term.length() < 2) {
            return false;
        }
        for (int i = 0; i < term.length(); i++) {
            if (!Character.isDigit(term.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The query's best {@value #MAX_TERMS} terms by tf-idf over the record documents, best first. A long text has
     * many more terms than that, and each costs a look-up per text field: the terms are first ranked by their document
     * frequency in the combined field (one look-up each; at least the highest of the per-field frequencies), and only
     * the best {@value #PRESELECTED}x are looked up per field and weighed as described above.
     */
    List<Weighted> distinctive(IndexSearcher searcher, int records, Map<String, Integer> frequencies)
            throws IOException {
        IndexReader reader = searcher.getIndexReader();
        List<Weighted> rough = new ArrayList<>(frequencies.size());
        for (Map.Entry<String, Integer> entry : frequencies.entrySet()) {
            int df = reader.docFreq(new Term(IndexSchema.SIMILAR_TEXT, entry.getKey()));
            if (df > 0) {
                rough.add(new Weighted(entry.getKey(), tfIdf(entry.getValue(), df, records), Map.of()));
            }
        }
        rough.sort(Comparator.comparingDouble(Weighted::weight).reversed().thenComparing(Weighted::term));
        List<Weighted> weighted = new ArrayList<>();
        for (Weighted candidate : rough.subList(0, Math.min(MAX_TERMS * PRESELECTED, rough.size()))) {
            int df = 0;
            Map<String, TermStates> fields = new LinkedHashMap<>();
            for (String field : FIELD_WEIGHTS.keySet()) {
                TermStates states = TermStates.build(searcher, new Term(field, candidate.term()), true);
                if (states.docFreq() > 0) {
                    fields.put(field, states);
                    df = Math.max(df, states.docFreq());
                }
            }
            if (df == 0 || df >= records) {
                continue;
            }
            weighted.add(new Weighted(candidate.term(), tfIdf(frequencies.get(candidate.term()), df, records), fields));
        }
        weighted.sort(Comparator.comparingDouble(Weighted::weight).reversed().thenComparing(Weighted::term));
        return weighted.subList(0, Math.min(MAX_TERMS, weighted.size()));
    }

    private static double tfIdf(int tf, int df, int records) {
        return (1 + Math.log(tf)) * Math.log(1 + (records - df + 0.5) / (df + 0.5));
    }

    /**
     * The query terms the record shares, heaviest first, each as the record first writes it (its surface form,
     * lower-cased unless it is written in capitals, such as an acronym).
     */
    /** The shared terms as reasons, and the query weight they carry together. */
    private record Shared(List<String> reasons, double weight) {
    }

    private Shared sharedTerms(Document d, Map<String, Double> weightOf) throws IOException {
        Map<String, String> surface = new HashMap<>();
        Map<String, Double> weight = new HashMap<>();
        for (String field : FIELD_WEIGHTS.keySet()) {
            for (IndexableField value : d.getFields(field)) {
                String text = value.stringValue();
                if (text == null) {
                    continue;
                }
                try (TokenStream tokens = analyzer.tokenStream(field, text)) {
                    CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                    OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
                    tokens.reset();
                    while (tokens.incrementToken()) {
                        String t = term.toString();
                        Double w = weightOf.get(t);
                        if (w == null) {
                            continue;
                        }
                        surface.putIfAbsent(t, asWritten(text.substring(offset.startOffset(), offset.endOffset())));
                        weight.merge(t, w * FIELD_WEIGHTS.get(field), Math::max);
                    }
                    tokens.end();
                }
            }
        }
        List<String> shared = new ArrayList<>(weight.keySet());
        shared.sort(Comparator.comparingDouble((String t) -> weight.get(t)).reversed().thenComparing(t -> t));
        List<String> reasons = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String t : shared) {
            String word = Objects.requireNonNull(surface.get(t));
            if (seen.add(word.toLowerCase(Locale.ROOT)) && reasons.size() < MAX_REASON_TERMS) {
                reasons.add(word);
            }
        }
        return new Shared(reasons, weight.keySet().stream().mapToDouble(weightOf::get).sum());
    }

    private static String asWritten(String word) {
        boolean capitals = word.length() > 1 && word.chars().filter(Character::isLetter)
                .allMatch(Character::isUpperCase);
        return capitals ? word : word.toLowerCase(Locale.ROOT);
    }
}
