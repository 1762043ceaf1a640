package dev.failforward.confluence.blueprint;

import com.atlassian.confluence.plugins.createcontent.api.contextproviders.AbstractBlueprintContextProvider;
import com.atlassian.confluence.plugins.createcontent.api.contextproviders.BlueprintContext;
import dev.failforward.confluence.showcase.ShowcaseKeys;
import jakarta.inject.Inject;

import java.util.Objects;

/**
 * The context provider of the "Failure showcase" blueprint's content template: puts the last complete quarter into the
 * macro's {@code period} ({@link ShowcaseKeys#VARIABLE_PERIOD}) and titles the page ({@link ShowcaseBlueprintPages}).
 * The blueprint has no wizard: the editor opens at once, and the macro's parameters (projects, period) are edited there
 * like any macro's. Made by Confluence as {@link RetroBlueprintContextProvider} is (autowired constructor, not a
 * component itself).
 */
@SuppressWarnings("deprecation") // AbstractBlueprintContextProvider(): see the stand-in's Javadoc
public class ShowcaseBlueprintContextProvider extends AbstractBlueprintContextProvider {

    private final ShowcaseBlueprintPages pages;

    @Inject
    public ShowcaseBlueprintContextProvider(ShowcaseBlueprintPages pages) {
        this.pages = Objects.requireNonNull(pages, "pages");
    }

    @Override
    protected BlueprintContext updateBlueprintContext(BlueprintContext context) {
        ShowcaseBlueprintPages.ShowcasePage page = pages.prepare();
        context.put(ShowcaseKeys.VARIABLE_PERIOD, page.period());
        context.setTitle(page.title());
        return context;
    }
}
