package com.atlassian.sal.api.message;

import com.atlassian.sal.api.user.UserKey;

import java.util.Locale;

/**
 * Stand-in for {@code com.atlassian.sal.api.message.LocaleResolver} from {@code com.atlassian.sal:sal-api} 7.x
 * (Platform 8; {@code Locale getLocale(@Nullable UserKey userKey)}, as implemented by the products' resolvers: the
 * user's chosen language, else the instance's default). Only the member Fail Forward calls.
 */
public interface LocaleResolver {

    /** The language the user chose in their profile, else the application's default. */
    Locale getLocale(UserKey userKey);
}
