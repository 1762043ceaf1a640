package com.atlassian.jira.avatar;

import com.atlassian.jira.exception.DataAccessException;
import com.atlassian.jira.icon.IconOwningObjectId;
import com.atlassian.jira.icon.IconType;

import java.io.IOException;
import java.io.InputStream;

/**
 * Stand-in for {@code com.atlassian.jira.avatar.AvatarManager} ({@code @PublicApi}) from
 * {@code com.atlassian.jira:jira-api} 11.3. Checked against {@code MockAvatarManager implements AvatarManager} in
 * cures-hub/cures-condec-jira (Jira 8.8.1: {@code create(String fileName, String contentType, IconType,
 * IconOwningObjectId, InputStream, Selection) throws DataAccessException, IOException}, {@code getById(Long)},
 * {@code getDefaultAvatarId(IconType)}) and a plugin that creates an issue-type avatar owned by id 0 before creating
 * the type. Not seen in Jira 11 code [U]. Only the members Fail Forward calls.
 */
public interface AvatarManager {
    Avatar getById(Long avatarId) throws DataAccessException;

    Avatar create(String fileName, String contentType, IconType iconType, IconOwningObjectId owner, InputStream image,
                  Selection croppingSelection) throws DataAccessException, IOException;

    Long getDefaultAvatarId(IconType iconType);
}
