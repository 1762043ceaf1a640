package dev.failforward.confluence.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.rest.RestPlugin;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * The Confluence plugin's side of the shared REST code ({@code dev.failforward.rest} answers every error of
 * {@code /rest/failforward-confluence/1.0}): messages from the plugin's i18n bundle in the user's language. Every
 * expected refusal of this API is already a {@code RequestProblem} (Jira's answers are states, not exceptions), so it
 * adds no problems of its own.
 */
@Named
public class ConfluenceRestPlugin implements RestPlugin {

    private final I18nResolver i18n;

    @Inject
    public ConfluenceRestPlugin(@ComponentImport I18nResolver i18n) {
        this.i18n = i18n;
    }

    @Override
    public String text(String i18nKey, Serializable... arguments) {
        return i18n.getText(i18nKey, arguments);
    }
}
