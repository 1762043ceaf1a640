package com.atlassian.plugins.rest.api.security.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in for {@code com.atlassian.plugins.rest.api.security.annotation.AdminOnly} from
 * {@code com.atlassian.plugins.rest:atlassian-rest-v2-api} (Platform 8; reference atlassian-api.md §1.2, §2.8): the
 * REST v2 resource is open to administrators only.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminOnly {
}
