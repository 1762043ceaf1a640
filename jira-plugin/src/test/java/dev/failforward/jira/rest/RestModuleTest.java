package dev.failforward.jira.rest;

import dev.failforward.rest.testing.RestApp;
import dev.failforward.rest.testing.RestModuleContract;

import java.util.List;

/** The Jira plugin's {@code <rest>} module as REST v2 scans it (see {@link RestModuleContract}). */
class RestModuleTest extends RestModuleContract {

    @Override
    protected RestApp.Builder module() {
        return JiraRest.app();
    }

    @Override
    protected String resourcePackage() {
        return "dev.failforward.jira.rest";
    }

    @Override
    protected String i18nBundle() {
        return "i18n/failforward-jira.properties";
    }

    @Override
    protected List<String> mutatingEndpoints() {
        return List.of("POST records/OPS-1/learnings", "PUT records/OPS-1/learnings/1", "POST records/OPS-1/actions",
                "PUT records/OPS-1/actions/1", "POST records/OPS-1/actions/1/check-in", "POST records/OPS-1/actions/1/follow-up", "POST pulse", "PUT pulse/settings",
                "POST hypotheses/check", "POST blameless/check", "POST similar", "POST recurrence/OPS-1/1/confirm",
                "POST recurrence/OPS-1/1/dismiss", "POST admin/setup", "POST admin/setup/projects/OPS", "POST admin/backfill",
                "POST admin/search-index", "POST imports", "POST imports/zip", "POST imports/confluence",
                "POST awards/nominations", "POST awards/1/votes", "PUT awards/admin/settings", "POST awards/admin/1/advance",
                "POST learnings/1/reuses", "POST huddles",
                "PUT followups/settings", "PUT digest");
    }
}
