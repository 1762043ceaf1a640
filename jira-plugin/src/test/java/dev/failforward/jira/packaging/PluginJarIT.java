package dev.failforward.jira.packaging;

import dev.failforward.buildtools.verify.PluginJarContract;

import java.util.List;

/** Checks the built Jira plugin jar the way Jira would see it (runs after package, in mvn verify). */
class PluginJarIT extends PluginJarContract {

    @Override
    protected String pluginKey() {
        return "dev.failforward.jira";
    }

    @Override
    protected List<String> expectedComponents() {
        return List.of(
                "dev.failforward.jira.hypothesis.HypothesisCheckService",
                "dev.failforward.jira.persistence.AoFailureRecordRepository");
    }

    @Override
    protected List<String> expectedImports() {
        return List.of(
                "com.atlassian.activeobjects.external.ActiveObjects",
                "com.atlassian.sal.api.message.I18nResolver");
    }

    @Override
    protected String bundledDomainClass() {
        return "dev.failforward.core.hypothesis.HypothesisLinter";
    }
}
