package com.atlassian.confluence.plugins.createcontent.api.contextproviders;

import com.atlassian.plugin.PluginParseException;
import com.atlassian.plugin.web.ContextProvider;

import java.util.Map;

/**
 * Stand-in for {@code com.atlassian.confluence.plugins.createcontent.api.contextproviders.AbstractBlueprintContextProvider}
 * from {@code com.atlassian.confluence.plugins:confluence-create-content-plugin} ({@code @PublicSpi}); checked against
 * the decompiled 18.7.17 ({@code ngannk-fptu/Decompiled-Files} @e0c88ec5). [U] the same in the create-content plugin
 * bundled with Confluence 10.2 (no 10.x source could be read; the developer documentation of the blueprint API was last
 * updated in 2024).
 *
 * <p>What the real class does, and this one does the same: {@link #getContextMap} wraps the page-creation context in a
 * {@link BlueprintContext} and returns what {@link #updateBlueprintContext} returns; {@link #init} does nothing.
 * {@code DefaultBlueprintContentGenerator} calls {@code getContextMap} of the {@code <content-template>}'s
 * {@code <context-provider>} each time a page (or its draft) is made from the template, and logs a warning for a
 * provider that does not extend this class.
 *
 * <p>Left out because the plugin does not call them: the constructor taking a {@code TemplateRendererHelper} (the
 * create-content plugin's own service, in a non-API package), the {@code templateRendererHelper} field and its setter,
 * and {@code renderCreateFromTemplateMacro} / {@code renderContentReportTableMacro}, which need that helper. The no-arg
 * constructor is {@code @Deprecated} in 18.7.17 (in favour of the helper one) but is what providers without those
 * macros use.
 */
public abstract class AbstractBlueprintContextProvider implements ContextProvider {

    @Deprecated
    public AbstractBlueprintContextProvider() {
    }

    @Override
    public void init(Map<String, String> params) throws PluginParseException {
    }

    @Override
    public final Map<String, Object> getContextMap(Map<String, Object> context) {
        return updateBlueprintContext(new BlueprintContext(context)).getMap();
    }

    protected abstract BlueprintContext updateBlueprintContext(BlueprintContext context);
}
