package com.atlassian.sal.api.websudo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in for {@code com.atlassian.sal.api.websudo.WebSudoRequired} from {@code com.atlassian.sal:sal-api} 7.x: on a
 * REST resource or web action, the product asks for the admin's password again (web sudo) before running it. Seen on
 * Jira admin actions and plugin REST resources (search tool); honoured by REST v2 on Platform 8 [U].
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PACKAGE})
public @interface WebSudoRequired {
}
