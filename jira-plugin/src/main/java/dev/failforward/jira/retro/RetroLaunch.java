package dev.failforward.jira.retro;

import dev.failforward.core.record.RecordKind;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where "Write the retro" sends the user: Confluence's Create dialog opened on the Fail Forward blueprint for the
 * record's kind ("Blameless post-mortem" for an incident, "Experiment retro" for an experiment), with the issue key for
 * the blueprint's wizard.
 *
 * <p>How Confluence opens a blueprint from a URL (create-content plugin 18.7.17, {@code create-dialog-init.js}, the
 * direct-link handler on every page): {@code createDialog=true} opens the Create dialog;
 * {@code createDialogSpaceKey} + {@code createDialogBlueprintKey} (the blueprint's complete module key) preselect the
 * blueprint and start its wizard. Without a space key Confluence opens the dialog and the user picks the space and
 * the blueprint. Any other parameter (our {@code issueKey}) stays in the page's query, where the Fail Forward wizard
 * reads it to fill the issue-key field ({@code js/retro-blueprint.js} of the Confluence plugin).
 *
 * <p>The blueprint keys are those of the Confluence plugin ({@code RetroKeys}); the preview's tests check that both
 * agree, as the Jira plugin does not depend on the Confluence plugin.
 */
public final class RetroLaunch {

    /** The Confluence page the dialog opens on: the dashboard every user may see. */
    public static final String DIALOG_PAGE = "/dashboard.action";
    public static final String POSTMORTEM_BLUEPRINT = "dev.failforward.confluence:postmortem-blueprint";
    public static final String EXPERIMENT_RETRO_BLUEPRINT = "dev.failforward.confluence:experiment-retro-blueprint";
    /** The query parameter with the issue key: the wizard's field name. */
    public static final String ISSUE_KEY_PARAM = "issueKey";

    private RetroLaunch() {
    }

    /** The blueprint's complete module key for the kind of record. */
    public static String blueprintKey(RecordKind kind) {
        return Objects.requireNonNull(kind, "kind") == RecordKind.INCIDENT ? POSTMORTEM_BLUEPRINT
                : EXPERIMENT_RETRO_BLUEPRINT;
    }

    /**
     * @param confluenceUrl Confluence's display URL (the application link's), with or without a trailing slash
     * @param spaceKey      the space to create the page in, or null/blank to let the user choose it in the dialog
     */
    public static URI createDialogUrl(URI confluenceUrl, RecordKind kind, String issueKey, String spaceKey) {
        Objects.requireNonNull(confluenceUrl, "confluenceUrl");
        Objects.requireNonNull(issueKey, "issueKey");
        String base = confluenceUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        StringBuilder url = new StringBuilder(base).append(DIALOG_PAGE).append("?createDialog=true");
        if (spaceKey != null && !spaceKey.isBlank()) {
            url.append("&createDialogSpaceKey=").append(encode(spaceKey.strip()));
        }
        url.append("&createDialogBlueprintKey=").append(encode(blueprintKey(kind)))
                .append('&').append(ISSUE_KEY_PARAM).append('=').append(encode(issueKey));
        return URI.create(url.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
