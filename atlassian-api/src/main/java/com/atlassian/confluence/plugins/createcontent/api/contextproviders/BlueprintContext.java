package com.atlassian.confluence.plugins.createcontent.api.contextproviders;

import java.util.Map;

/**
 * Stand-in for {@code com.atlassian.confluence.plugins.createcontent.api.contextproviders.BlueprintContext} from
 * {@code com.atlassian.confluence.plugins:confluence-create-content-plugin} ({@code @PublicApi}); checked against the
 * decompiled 18.7.17 ({@code ngannk-fptu/Decompiled-Files} @e0c88ec5,
 * {@code com.atlassian.confluence.plugins.confluence-create-content-plugin-18.7.17}, the version bundled with Confluence
 * 8.7/9.1). [U] the same in the create-content plugin bundled with Confluence 10.2 (no 10.x source could be read).
 *
 * <p>A view of the page-creation context map: what the wizard's form fields posted (by field name), the create-content
 * plugin's own keys ({@code spaceKey}, {@code blueprintKey}, ...) and what a context provider adds. Every entry becomes
 * a variable of the content template ({@code <at:var at:name="..."/>}), its value's {@code toString()}
 * ({@code DefaultBlueprintContentGenerator.buildTemplateVariables}). Only the members the plugin calls, plus the
 * package-private constructor {@link AbstractBlueprintContextProvider#getContextMap} uses.
 */
public class BlueprintContext {

    /** The context key of {@link #setTitle}: {@code BlueprintContextKeys.CONTENT_PAGE_TITLE.key()} in the real plugin. */
    private static final String CONTENT_PAGE_TITLE = "ContentPageTitle";

    private final Map<String, Object> map;

    BlueprintContext(Map<String, Object> context) {
        this.map = context;
    }

    public Map<String, Object> getMap() {
        return map;
    }

    public Object get(String key) {
        return map.get(key);
    }

    public void put(String key, Object value) {
        map.put(key, value);
    }

    /**
     * The new page's title ({@code ContentPageTitle}); the generator uses it unless the create request or the context's
     * {@code title} entry names one ({@code DefaultBlueprintContentGenerator.generateBlueprintPageObject}).
     */
    public void setTitle(String title) {
        put(CONTENT_PAGE_TITLE, title);
    }
}
