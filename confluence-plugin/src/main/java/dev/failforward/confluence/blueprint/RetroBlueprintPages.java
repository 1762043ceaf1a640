package dev.failforward.confluence.blueprint;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.confluence.jira.FailureDbClient;
import dev.failforward.confluence.jira.JiraResult;
import dev.failforward.confluence.jira.RecordFacts;
import dev.failforward.confluence.jira.RecordView;
import dev.failforward.confluence.retro.IssueKeys;
import dev.failforward.core.text.Html;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides what a retro blueprint's new page holds: its title from the Jira issue ("Post-mortem: OPS-12 Checkout was
 * down") and the values of the content template's variables. Never fails page creation: when the issue key is missing
 * or malformed, or Jira cannot be asked (no application link, authorisation needed, down or slow, not found, forbidden,
 * any runtime error), the page is still made, titled from the key alone (or with the blueprint's plain name).
 *
 * <p>Why Jira is called here, on the server: this runs once when the user presses Create (the create-content plugin
 * calls the content template's context provider while it makes the page or its draft), not while a page renders, and
 * {@link FailureDbClient} answers within its 2 s connect / 4 s read timeouts and caches reads. The wizard in the
 * browser only checks the key's format; it does not wait for Jira.
 */
@Named
public class RetroBlueprintPages {

    /** Confluence page titles are limited to 255 characters ([U] the limit as the Confluence 10 database schema has it). */
    public static final int MAX_TITLE_LENGTH = 255;

    static final String INTRO_SUMMARY = "failforward.blueprint.intro.summary";
    static final String INTRO_KEY = "failforward.blueprint.intro.key";
    static final String INTRO_NONE = "failforward.blueprint.intro.none";

    private static final Logger LOG = LoggerFactory.getLogger(RetroBlueprintPages.class);
    /** Line breaks, tabs and other control characters, and runs of blanks: a title is one line with single spaces. */
    private static final Pattern BLANKS = Pattern.compile("[\\p{Cntrl}\\s\\u2028\\u2029]+");
    private static final String ELLIPSIS = "\u2026";

    private final FailureDbClient jira;
    private final I18nResolver i18n;

    @Inject
    public RetroBlueprintPages(FailureDbClient jira, @ComponentImport I18nResolver i18n) {
        this.jira = Objects.requireNonNull(jira, "jira");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    /**
     * @param blueprint   the blueprint the user chose
     * @param rawIssueKey the wizard's issue-key field as posted (null when absent); the browser has checked its format,
     *                    but a request may come from elsewhere, so it is parsed again
     */
    public RetroPage prepare(RetroBlueprint blueprint, String rawIssueKey) {
        Objects.requireNonNull(blueprint, "blueprint");
        Optional<String> parsed = IssueKeys.parse(rawIssueKey);
        if (parsed.isEmpty()) {
            LOG.debug("Retro blueprint {} without a valid issue key: the page gets no Jira link", blueprint);
            return new RetroPage(text(blueprint.titleWithoutIssueKey()), "", paragraph(text(INTRO_NONE)));
        }
        String issueKey = parsed.get();
        Optional<String> summary = summary(issueKey);
        if (summary.isPresent()) {
            return new RetroPage(title(text(blueprint.titleWithSummaryKey(), issueKey, summary.get())), issueKey,
                    paragraph(text(INTRO_SUMMARY, issueKey, summary.get())));
        }
        return new RetroPage(title(text(blueprint.titleWithKeyKey(), issueKey)), issueKey,
                paragraph(text(INTRO_KEY, issueKey)));
    }

    /** Jira's summary of the record, on one line; empty for every failure case and for a blank summary. */
    private Optional<String> summary(String issueKey) {
        JiraResult<RecordView> result;
        try {
            result = jira.record(issueKey);
        } catch (RuntimeException e) {
            // the client reports expected failures as results; anything else must not stop the page either
            LOG.warn("Reading {} from Jira for a retro blueprint failed; the page is titled from the key", issueKey, e);
            return Optional.empty();
        }
        if (result == null || !result.isOk()) {
            LOG.debug("Jira did not give {} for a retro blueprint ({}); the page is titled from the key", issueKey,
                    result == null ? "no result" : describe(result));
            return Optional.empty();
        }
        return result.okValue()
                .map(RecordView::record)
                .map(RecordFacts::summary)
                .map(s -> BLANKS.matcher(s).replaceAll(" ").strip())
                .filter(s -> !s.isEmpty());
    }

    private static String describe(JiraResult<?> result) {
        return result instanceof JiraResult.Unavailable<?> unavailable
                ? "unavailable: " + unavailable.reason()
                : result.getClass().getSimpleName();
    }

    /** At most {@link #MAX_TITLE_LENGTH} characters: a long summary is cut and ends in an ellipsis. */
    static String title(String title) {
        if (title.length() <= MAX_TITLE_LENGTH) {
            return title;
        }
        int end = MAX_TITLE_LENGTH - ELLIPSIS.length();
        if (Character.isHighSurrogate(title.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        return title.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /** A storage-format paragraph of escaped text (the summary is Jira user text). */
    private static String paragraph(String text) {
        return "<p>" + Html.escape(text) + "</p>";
    }

    private String text(String key, Serializable... arguments) {
        return i18n.getText(key, arguments);
    }
}
