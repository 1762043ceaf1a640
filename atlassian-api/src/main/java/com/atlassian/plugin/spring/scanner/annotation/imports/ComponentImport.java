package com.atlassian.plugin.spring.scanner.annotation.imports;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in for {@code com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport} from
 * {@code com.atlassian.plugin:atlassian-spring-scanner-annotation} 6.0.x (Platform 8); checked against 3.0.4
 * (reference/atlassian-api.md §2.2). Our build's annotation processor turns it into {@code META-INF/plugin-components/imports}.
 */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ComponentImport {
    /** Bean name, for disambiguation (e.g. {@code salUserManager}). */
    String value() default "";
}
