package dev.failforward.confluence.packaging;

import dev.failforward.buildtools.verify.PluginJarContract;

import java.util.List;
import java.util.Map;

/** Checks the built Confluence plugin jar the way Confluence would see it (runs after package, in mvn verify). */
class PluginJarIT extends PluginJarContract {

    @Override
    protected String pluginKey() {
        return "dev.failforward.confluence";
    }

    @Override
    protected List<String> expectedComponents() {
        return List.of(
                "dev.failforward.confluence.archive.LearningsRenderer",
                "dev.failforward.confluence.blueprint.RetroBlueprintPages",
                "dev.failforward.confluence.blueprint.RetroPageLinker",
                "dev.failforward.confluence.blueprint.ShowcaseBlueprintPages",
                "dev.failforward.confluence.hypothesis.HypothesisCardRenderer",
                "dev.failforward.confluence.jira.AppLinksFailureDbClient",
                "dev.failforward.confluence.jira.JiraRemoteLinks",
                "dev.failforward.confluence.rest.ConfluenceRestPlugin",
                "dev.failforward.confluence.retro.RetroRenderer",
                "dev.failforward.confluence.showcase.ShowcaseCopies",
                "dev.failforward.confluence.showcase.ShowcaseRenderer",
                "dev.failforward.confluence.showcase.ShowcaseSource");
    }

    @Override
    protected List<String> expectedImports() {
        return List.of(
                "com.atlassian.applinks.api.ApplicationLinkService",
                "com.atlassian.applinks.host.spi.HostApplication",
                "com.atlassian.event.api.EventPublisher",
                "com.atlassian.sal.api.ApplicationProperties",
                "com.atlassian.sal.api.message.I18nResolver",
                "com.atlassian.sal.api.pluginsettings.PluginSettingsFactory",
                "com.atlassian.sal.api.user.UserManager#salUserManager",
                "com.atlassian.templaterenderer.TemplateRenderer");
    }

    @Override
    protected Map<String, String> expectedThirdPartyImports() {
        Map<String, String> imports = new java.util.TreeMap<>(SHARED_THIRD_PARTY_IMPORTS);
        imports.put("org.springframework.beans.factory", ""); // RetroPageLinker registers for events when built
        return imports;
    }

    @Override
    protected String bundledDomainClass() {
        return "dev.failforward.core.hypothesis.HypothesisLinter";
    }
}
