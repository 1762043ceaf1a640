/*
 * The wizard of the retro blueprints "Blameless post-mortem" and "Experiment retro" in Confluence's Create dialog: one
 * page (soy/retro-blueprint.soy) asking for the Jira issue key. On submit it checks the key's format and shows the
 * problem under the field, or sends the key in its canonical (upper-case) spelling. The server parses the key again and
 * reads the issue's summary from Jira for the page title (RetroBlueprintContextProvider); nothing here calls Jira.
 * Messages come through the jsI18n transformer and reach the page as text, never as HTML.
 */
AJS.toInit(function ($) {
    'use strict';

    // PAGE_ID, FIELD and WEB_ITEMS are names of dev.failforward.confluence.retro.RetroKeys (RetroKeysTest checks them)
    var PAGE_ID = 'retroIssuePage';
    var FIELD = 'issueKey';
    // The rule of dev.failforward.confluence.retro.IssueKeys (RetroBlueprintWizardTest checks that both agree).
    var ISSUE_KEY = /^[A-Z][A-Z0-9_]*-[1-9][0-9]{0,17}$/;
    var MAX_LENGTH = 100;
    // <plugin key>:<web-item key> of each blueprint's entry in the Create dialog (atlassian-plugin.xml)
    var WEB_ITEMS = [
        'dev.failforward.confluence:postmortem-create-item',
        'dev.failforward.confluence:experiment-retro-create-item'
    ];

    function canonical(raw) {
        return $.trim(raw == null ? '' : String(raw)).toUpperCase();
    }

    function problem(key) {
        if (!key) {
            return AJS.I18n.getText('failforward.blueprint.wizard.issue.required');
        }
        if (key.length > MAX_LENGTH || !ISSUE_KEY.test(key)) {
            return AJS.I18n.getText('failforward.blueprint.wizard.issue.invalid');
        }
        return null;
    }

    function field(state) {
        return state.$container.find('input[name="' + FIELD + '"]');
    }

    function submit(e, state) {
        var $field = field(state);
        var $error = state.$container.find('.field-group .error');
        var key = canonical(state.pageData[FIELD]);
        var message = problem(key);
        if (message) {
            $error.text(message);
            $field.attr('aria-invalid', 'true').focus();
            return false;
        }
        $error.text('');
        $field.removeAttr('aria-invalid');
        state.pageData[FIELD] = key;
        return true;
    }

    /*
     * The key a link asked for: "Write the retro" in Jira opens the Create dialog with ?issueKey=KEY (next to
     * createDialogBlueprintKey). The create-content plugin passes a link's query on as the dialog's init params
     * (#create-dialog-init-params); the page's own query is read too. Only a valid key is filled in.
     */
    function linkedKey() {
        var fromInit = $('#create-dialog-init-params div[data-key="' + FIELD + '"]').data('value');
        var match = new RegExp('[?&]' + FIELD + '=([^&#]*)').exec(window.location.search);
        var fromQuery = null;
        if (match) {
            try {
                fromQuery = decodeURIComponent(match[1].replace(/\+/g, ' '));
            } catch (ignored) {
                fromQuery = null;
            }
        }
        var key = canonical(fromInit != null && fromInit !== '' ? fromInit : fromQuery);
        return key && !problem(key) ? key : null;
    }

    function postRender(e, state) {
        var $field = field(state);
        var key = linkedKey();
        if (key && !$field.val()) {
            $field.val(key);
        }
        $field.focus();
    }

    $.each(WEB_ITEMS, function (index, webItem) {
        Confluence.Blueprint.setWizard(webItem, function (wizard) {
            wizard.on('post-render.' + PAGE_ID, postRender);
            wizard.on('submit.' + PAGE_ID, submit);
        });
    });
});
