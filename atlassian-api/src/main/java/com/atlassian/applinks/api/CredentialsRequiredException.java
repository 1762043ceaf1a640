package com.atlassian.applinks.api;

import java.net.URI;

/**
 * Stand-in for {@code com.atlassian.applinks.api.CredentialsRequiredException} from
 * {@code com.atlassian.applinks:applinks-api} 10.x (Platform 8: Confluence 10.2, Jira 11.3); checked against applinks-api 9.1.4
 * (decompiled, ngannk-fptu/Decompiled-Files {@code com.atlassian.applinks_applinks-api-9.1.4}; reference/atlassian-api.md §2.10):
 * thrown by {@code ApplicationLinkRequestFactory.createRequest} when the user has to authorise the link first.
 */
public class CredentialsRequiredException extends Exception implements AuthorisationURIGenerator {

    private final AuthorisationURIGenerator authorisationURIGenerator;

    public CredentialsRequiredException(AuthorisationURIGenerator authorisationURIGenerator, String message) {
        super(message);
        this.authorisationURIGenerator = authorisationURIGenerator;
    }

    @Override
    public URI getAuthorisationURI() {
        return authorisationURIGenerator.getAuthorisationURI();
    }
}
