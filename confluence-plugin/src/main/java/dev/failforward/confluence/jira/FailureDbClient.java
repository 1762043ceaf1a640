package dev.failforward.confluence.jira;

import dev.failforward.core.record.SourcePage;

import java.util.List;

/**
 * The Confluence side's port to Jira's failure database (the Jira plugin's REST API under
 * {@code /rest/failforward/1.0}). Every call runs as the current Confluence user, so Jira's permissions hold, and
 * never throws for an expected failure: no link, authorisation needed, Jira down or slow, not found, forbidden and
 * invalid input are all cases of {@link JiraResult}.
 *
 * <p>Calls go over the network: a macro must not make them inside {@code execute()} on the page-render thread (load
 * the data from the browser through our own REST resource, or render what a background job fetched).
 */
public interface FailureDbClient {

    /** {@code GET /records/{issueKey}}: the record with its learnings, action items and 5 whys. Briefly cached. */
    JiraResult<RecordView> record(String issueKey);

    /**
     * {@code POST /records/{issueKey}/learnings}: adds a learning ({@code kind}: {@code insight}, {@code surprise},
     * {@code went_well}, {@code got_lucky}); needs Edit Issues in Jira. {@code source} is the page it was captured on
     * (the retro), or {@code null}; the archive links the learning to it. Returns the learning Jira stored.
     */
    JiraResult<LearningView> addLearning(String issueKey, String text, String kind, SourcePage source);

    /** {@code POST /records/{issueKey}/actions}: adds an action item (it starts open). Returns the item Jira stored. */
    JiraResult<ActionView> addAction(String issueKey, NewAction action);

    /**
     * {@code GET /learnings}: a page of the learnings archive across experiments and incidents of the projects the user
     * may browse, newest first, with facet counts over all matches, and the Jira link's display URL for links to
     * issues. Briefly cached; any write drops the cached searches.
     */
    JiraResult<LearningPageView> searchLearnings(LearningSearch search);

    /**
     * {@code GET /similar/{issueKey}?max=&withLearnings=true}: the past failures most like the record's whole text (itself excluded), at
     * most {@code max} (Jira accepts 1..20), each with its newest learnings, with the state of Jira's search index and the Jira link's display URL for
     * links to the matches. Briefly cached; any write drops the cached answers (a new learning may change any
     * record's neighbours).
     */
    JiraResult<SimilarView> similar(String issueKey, int max);

    /**
     * {@link #similar(String, int)} for a retro page: each learning also says whether the page {@code citingPageId}
     * already cited it ({@link SimilarView.Learning#cited()}); Jira's {@code reusedBy=page:<id>}.
     */
    JiraResult<SimilarView> similar(String issueKey, int max, long citingPageId);

    /**
     * {@code POST /learnings/{learningId}/reuses} with {@code {"kind":"retro","target":"page:<pageId>"}}: records that
     * a retro page cited the learning (idempotent: {@link CitationView#created()} is false when it already was). Jira
     * answers {@link JiraResult.NotFound} when the learning is missing or its record not browsable by the user.
     */
    JiraResult<CitationView> citeLearning(long learningId, long pageId);

    /**
     * {@code GET /showcase?<query>}: the failure showcase of a period (awards, most reused learnings, decided
     * experiments, incidents with follow-ups verified effective, headline KPIs) of the projects the user may browse,
     * with the Jira link's display URL for links to issues. {@code query} is the parameters' query string, already
     * encoded ({@code projects=OPS,LAB&period=2026-Q3}). Not cached here: the showcase macro keeps the viewer's last
     * good copy, with its time, for when Jira cannot be reached.
     */
    JiraResult<ShowcaseView> showcase(String query);

    /**
     * {@code GET /huddles/board?projects=OPS,CARE}: what the team's weekly failure huddle is about (failures reported
     * since its last huddle, open 24-hour rules, overdue follow-ups, a learning to celebrate) and whether this week's
     * was held, with the Jira link's display URL for links to issues. Jira answers {@link JiraResult.Forbidden} when a
     * project is missing or not browsable by the user. Not cached: the board is read at the huddle, and after
     * {@link #holdHuddle} it must say the huddle was held.
     *
     * @param projects the team's project keys (at least one), upper case
     */
    JiraResult<HuddleBoardView> huddleBoard(List<String> projects);

    /**
     * {@code POST /huddles {"projects":[…],"note":…}}: marks this ISO week's huddle of the team held (once per team and
     * week; {@link HuddleHeldView#created()} is false when it was held already). {@code note} (or null) is kept with the
     * huddle in Jira: the retro page it was held with.
     */
    JiraResult<HuddleHeldView> holdHuddle(List<String> projects, String note);
}
