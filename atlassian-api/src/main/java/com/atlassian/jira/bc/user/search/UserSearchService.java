package com.atlassian.jira.bc.user.search;

import com.atlassian.jira.user.ApplicationUser;

/**
 * Stand-in for {@code com.atlassian.jira.bc.user.search.UserSearchService} ({@code @PublicApi}, a component) from
 * {@code com.atlassian.jira:jira-api} 11.3. Signatures as in the Jira 7.0 Javadoc (docs.atlassian.com/jira/7.0.4/
 * com/atlassian/jira/bc/user/search/UserSearchService.html: {@code findUserKeysByEmail(String)},
 * {@code findUserKeysByFullName(String)} and their {@code ApplicationUser} forms) and as called by
 * {@code ihmeuw/jira-remote-copy-plugin} {@code UsersByEmailExtractor} ({@code Lists.newArrayList(userSearchService
 * .findUsersByEmail(phrase))}); not seen in Jira 11 code, presumed unchanged. Only the members Fail Forward calls.
 */
public interface UserSearchService {

    /** The users whose e-mail address is this one (ignoring case), active or not. */
    Iterable<ApplicationUser> findUsersByEmail(String email);

    /** The users whose full (display) name is this one (ignoring case), active or not. */
    Iterable<ApplicationUser> findUsersByFullName(String fullName);
}
