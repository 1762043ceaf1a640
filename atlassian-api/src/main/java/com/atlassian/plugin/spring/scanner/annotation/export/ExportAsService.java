package com.atlassian.plugin.spring.scanner.annotation.export;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in for {@code com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService} from
 * {@code com.atlassian.plugin:atlassian-spring-scanner-annotation} 6.0.x (Platform 8); checked against 3.0.4
 * (decompiled, ngannk-fptu/Decompiled-Files @e0c88ec5
 * {@code com.atlassian.plugin.atlassian-spring-scanner-annotation-3.0.4/.../annotation/export/ExportAsService.java};
 * reference atlassian-api.md §2.2). Our build's annotation processor turns it into
 * {@code META-INF/plugin-components/exports} ({@code implFqcn#iface,…}, packaging.md §1.3–1.5). The real annotation
 * also has {@code ServiceProperty[] properties() default {}}, which Fail Forward does not use.
 */
@Target({ElementType.TYPE, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ExportAsService {
    /** The interfaces to export the bean as; none = the class's direct interfaces. */
    Class<?>[] value() default {};
}
