package dev.failforward.jira.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The analysis of every text field: {@link EnglishAnalyzer}'s chain (standard tokenizer, possessive "'s" removed,
 * lower case, English stop words) with the Snowball English ("Porter2") stemmer instead of the original Porter one,
 * which conflates fewer forms: Porter stems "deploy" to "deploi" but "deployments" to "deploy", Porter2 both to
 * "deploy", so "deployments" finds "deploy", "deployed" and "deploying"; the issue key field is one
 * lower-cased token ({@code ops-12}). Values of a multi-valued field are 100 positions apart, so a phrase never spans
 * two 5-whys answers or two learnings. Index and query use this same analyzer; a change is a new
 * {@link LuceneFailureIndex#FORMAT}.
 */
final class FailureAnalyzer extends Analyzer {

    static final int VALUE_GAP = 100;

    FailureAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        if (IndexSchema.KEY.equals(fieldName)) {
            Tokenizer keyword = new KeywordTokenizer();
            return new TokenStreamComponents(keyword, new LowerCaseFilter(keyword));
        }
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new EnglishPossessiveFilter(source);
        result = new LowerCaseFilter(result);
        result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        result = new SnowballFilter(result, new EnglishStemmer());
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return VALUE_GAP;
    }
}
