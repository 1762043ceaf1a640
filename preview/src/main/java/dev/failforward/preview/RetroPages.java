package dev.failforward.preview;

import dev.failforward.confluence.retro.RetroKeys;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.SourcePage;

/**
 * The preview Confluence's retro pages: one page per experiment or incident, at
 * {@code /confluence/pages/viewpage.action?pageId=<issue id>}, holding the {@code failforward-retro} macro with the
 * template for its kind around a team's write-up. Learnings captured there (and the demo's) link back to it.
 */
final class RetroPages {

    /** Where Confluence shows a page, relative to its base URL (as the plugin's REST resource builds it). */
    static final String VIEW_PATH = "/pages/viewpage.action?pageId=";

    private RetroPages() {
    }

    static String title(FailureRecord record) {
        return (record.kind() == RecordKind.INCIDENT ? "Post-mortem: " : "Experiment retro: ") + record.issueKey() + " "
                + record.summary();
    }

    static String template(FailureRecord record) {
        return record.kind() == RecordKind.INCIDENT ? RetroKeys.TEMPLATE_INCIDENT_POSTMORTEM
                : RetroKeys.TEMPLATE_EXPERIMENT_RETRO;
    }

    /** The page as a learning's source, for a Confluence whose base URL is {@code confluenceBase}. */
    static SourcePage page(String confluenceBase, FailureRecord record) {
        String title = title(record);
        return new SourcePage(confluenceBase + VIEW_PATH + record.issueId(),
                title.length() > SourcePage.TITLE_MAX_LENGTH ? title.substring(0, SourcePage.TITLE_MAX_LENGTH) : title);
    }

    /**
     * The team's write-up, as the macro receives a rich-text body (rendered XHTML). The incident's has the habits the
     * blameless check is there for: a person as the subject of the failure, "should have", "human error", "careless".
     */
    static String body(FailureRecord record) {
        if (record.kind() == RecordKind.INCIDENT) {
            return """
                    <h3>Timeline</h3>
                    <ul>
                    <li>02:04 The configuration change reaches every node.</li>
                    <li>02:10 Error rate on checkout passes 20%; the alert pages the on-call engineer.</li>
                    <li>02:31 The change is rolled back; checkout recovers by 02:40.</li>
                    </ul>
                    <h3>Facts and interpretations</h3>
                    <p>Facts: the rollout skipped the canary stage, and the diff changed the payment timeout from 30 s to 3 s.</p>
                    <p>Interpretation, first draft: Human error caused the outage. Sam should have checked the diff before the rollout,
                    and the reviewer was careless.</p>
                    <h3>Contributing factors</h3>
                    <ul>
                    <li>Process: the canary stage is optional for configuration changes.</li>
                    <li>Tooling: the diff view hides numeric changes inside long files.</li>
                    </ul>
                    """;
        }
        return """
                <h3>What we tested</h3>
                <p>We ran the change for the agreed four weeks and measured against the success criterion written before
                the start.</p>
                <h3>What the data said</h3>
                <p>The first two weeks looked good; the effect faded in weeks three and four. Whose fault was the drop-off?
                Nobody's: the novelty wore off, which the hypothesis did not consider.</p>
                <h3>Next iteration</h3>
                <p>Test a smaller change for two weeks, with the same stop criterion.</p>
                """;
    }
}
