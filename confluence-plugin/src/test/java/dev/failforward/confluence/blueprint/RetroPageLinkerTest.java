package dev.failforward.confluence.blueprint;

import com.atlassian.confluence.pages.Page;
import com.atlassian.confluence.plugins.createcontent.api.events.BlueprintPageCreateEvent;
import com.atlassian.confluence.plugins.createcontent.impl.ContentBlueprint;
import com.atlassian.event.api.EventPublisher;
import dev.failforward.confluence.jira.JiraRemoteLinks;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class RetroPageLinkerTest {

    private final EventPublisher events = mock(EventPublisher.class);
    private final JiraRemoteLinks remoteLinks = mock(JiraRemoteLinks.class);
    private final RetroPageLinker linker = new RetroPageLinker(events, remoteLinks);

    private static BlueprintPageCreateEvent created(long id, String title, Map<String, Object> context) {
        Page page = new Page();
        page.setId(id);
        page.setTitle(title);
        return new BlueprintPageCreateEvent(new Object(), page, new ContentBlueprint(), null, context);
    }

    @Test
    void registersWithTheEventPublisherAndLeavesWhenThePluginStops() {
        linker.afterPropertiesSet();
        verify(events).register(linker);
        linker.destroy();
        verify(events).unregister(linker);
    }

    @Test
    void aPageFromOurBlueprintIsLinkedToItsIssue() {
        linker.onBlueprintPageCreated(created(4242L, "Post-mortem: OPS-12 Checkout was down",
                new HashMap<>(Map.of("ffIssueKey", "OPS-12", "issueKey", "ops-12",
                        "blueprintKey", "dev.failforward.confluence:postmortem-blueprint"))));
        verify(remoteLinks).linkPage("OPS-12", 4242L, "Post-mortem: OPS-12 Checkout was down");
    }

    @Test
    void theWizardFieldCountsWhenTheBlueprintIsOurs() {
        assertThat(RetroPageLinker.issueKey(Map.of("issueKey", " grow-7 ",
                "blueprintKey", "dev.failforward.confluence:experiment-retro-blueprint"))).contains("GROW-7");
        assertThat(RetroPageLinker.issueKey(Map.of("issueKey", "GROW-7",
                "blueprintKey", "com.atlassian.confluence.plugins.confluence-business-blueprints:meeting-notes-blueprint")))
                .isEmpty();
        assertThat(RetroPageLinker.issueKey(Map.of("ffIssueKey", ""))).isEmpty();
        assertThat(RetroPageLinker.issueKey(null)).isEmpty();
    }

    @Test
    void otherBlueprintsAndRetrosWithoutAnIssueAreLeftAlone() {
        linker.onBlueprintPageCreated(created(1L, "Meeting notes", Map.of("blueprintKey", "x:meeting-notes")));
        linker.onBlueprintPageCreated(created(2L, "Post-mortem", Map.of("ffIssueKey", "",
                "blueprintKey", "dev.failforward.confluence:postmortem-blueprint")));
        linker.onBlueprintPageCreated(created(3L, "No context", null));
        verify(remoteLinks, never()).linkPage(anyString(), anyLong(), anyString());
    }

    @Test
    void aFailingLinkNeverFailsPageCreation() {
        when(remoteLinks.linkPage(anyString(), anyLong(), anyString())).thenThrow(new IllegalStateException("boom"));
        linker.onBlueprintPageCreated(created(5L, "t", Map.of("ffIssueKey", "OPS-1")));
        verify(remoteLinks).linkPage("OPS-1", 5L, "t");
    }
}
