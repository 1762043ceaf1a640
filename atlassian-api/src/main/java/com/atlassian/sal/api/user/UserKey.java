package com.atlassian.sal.api.user;

import java.io.Serializable;
import java.util.Objects;

/**
 * Stand-in for {@code com.atlassian.sal.api.user.UserKey} from {@code com.atlassian.sal:sal-api} 7.x (reference
 * atlassian-api.md §2.3): a user's stable key; equality by its string value.
 */
public final class UserKey implements Serializable {

    private final String userkey;

    public UserKey(String userkey) {
        this.userkey = Objects.requireNonNull(userkey, "userkey");
    }

    public String getStringValue() {
        return userkey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserKey other && other.userkey.equals(userkey);
    }

    @Override
    public int hashCode() {
        return userkey.hashCode();
    }

    @Override
    public String toString() {
        return userkey;
    }
}
