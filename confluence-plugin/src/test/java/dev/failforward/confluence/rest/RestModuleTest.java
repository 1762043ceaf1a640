package dev.failforward.confluence.rest;

import dev.failforward.rest.testing.RestApp;
import dev.failforward.rest.testing.RestModuleContract;

import java.util.List;

/** The Confluence plugin's {@code <rest>} module as REST v2 scans it (see {@link RestModuleContract}). */
class RestModuleTest extends RestModuleContract {

    @Override
    protected RestApp.Builder module() {
        return ConfluenceRest.app(ConfluenceRest.english());
    }

    @Override
    protected String resourcePackage() {
        return "dev.failforward.confluence.rest";
    }

    @Override
    protected String i18nBundle() {
        return "i18n/failforward-confluence.properties";
    }

    @Override
    protected List<String> mutatingEndpoints() {
        return List.of("POST records/OPS-1/learnings", "POST records/OPS-1/actions", "POST blameless/check",
                "POST learnings/1/citations", "POST huddles");
    }
}
