package com.atlassian.jira.scheme;

import com.atlassian.jira.exception.DataAccessException;
import com.atlassian.jira.project.Project;

/**
 * Stand-in for {@code com.atlassian.jira.scheme.SchemeManager} from {@code com.atlassian.jira:jira-api} 11.3; checked
 * against the indexed jira-api source of the interface ({@code Scheme getSchemeObject(Long id) throws
 * DataAccessException}, {@code addSchemeToProject(Project, Scheme)}). Only the members Fail Forward calls.
 */
public interface SchemeManager {
    Scheme getSchemeObject(Long id) throws DataAccessException;

    void addSchemeToProject(Project project, Scheme scheme);
}
