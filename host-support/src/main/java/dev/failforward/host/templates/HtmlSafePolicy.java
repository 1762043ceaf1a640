package dev.failforward.host.templates;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * The products' rule for what a Velocity reference prints without HTML escaping, as Atlassian's
 * {@code velocity-htmlsafe} library (4.0.3, read decompiled; docs/platform-8-evidence.md Q5) implements it for Jira's
 * templates and the template renderer plugins use:
 * <ul>
 * <li>a <em>scalar</em> reference (no {@code .}) whose name ends in {@code html}, any case ({@code $bodyHtml},
 * {@code $!{introHtml}}), or is {@code xHtmlContent}, {@code body} or {@code head};</li>
 * <li>the value a method returned whose name ends in {@code html} or starts with {@code render} / {@code getRender},
 * or which is annotated {@code @HtmlSafe} ({@code $issue.descriptionHtml} on a bean with {@code getDescriptionHtml()});
 * a property of a {@link java.util.Map} is read with {@code Map.get}, so {@code $map.titleHtml} <em>is</em>
 * escaped;</li>
 * <li>a value whose class's {@code toString()} is annotated {@code @HtmlSafe}.</li>
 * </ul>
 * Everything else is HTML-entity-encoded ({@code & < > " '}), so a value escaped in Java before it reaches such a
 * reference is escaped twice.
 */
final class HtmlSafePolicy {

    /** The names velocity-htmlsafe's {@code HtmlAnnotationEscaper} never escapes as scalar references. */
    static final Set<String> SAFE_REFERENCE_NAMES = Set.of("xHtmlContent", "body", "head");

    private HtmlSafePolicy() {
    }

    static boolean endsWithHtml(String name) {
        return name != null && name.length() >= 4 && name.regionMatches(true, name.length() - 4, "html", 0, 4);
    }

    /** A method whose return value is printed as it is. */
    static boolean htmlSafeMethodName(String name) {
        return name != null && (endsWithHtml(name) || name.startsWith("render") || name.startsWith("getRender"));
    }

    static boolean htmlSafe(Method method) {
        return method != null && (htmlSafeMethodName(method.getName()) || annotatedHtmlSafe(method.getAnnotations()));
    }

    /**
     * The products have two annotations of that name ({@code com.atlassian.velocity.htmlsafe.HtmlSafe} and
     * {@code com.atlassian.templaterenderer.annotations.HtmlSafe}); either counts.
     */
    static boolean annotatedHtmlSafe(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getSimpleName().equals("HtmlSafe")) {
                return true;
            }
        }
        return false;
    }

    static boolean hasHtmlSafeToString(Object value) {
        try {
            return annotatedHtmlSafe(value.getClass().getMethod("toString").getAnnotations());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The reference as written ({@code $a.b}, {@code $!{a}}) names a scalar that is printed as it is. */
    static boolean safeReference(String reference) {
        if (reference.indexOf('.') >= 0) {
            return false;
        }
        String base = baseName(reference);
        return endsWithHtml(base) || SAFE_REFERENCE_NAMES.contains(base);
    }

    /** {@code $!{fooHtml}} → {@code fooHtml}; stops at the first {@code .}. */
    static String baseName(String reference) {
        StringBuilder name = new StringBuilder(reference.length());
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c == '.') {
                break;
            }
            if (c != '$' && c != '!' && c != '{' && c != '}') {
                name.append(c);
            }
        }
        return name.toString();
    }

    /** The products' {@code HtmlEntities.encode}: {@code & < > " '} as entities, nothing else. */
    static String encode(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (entity != null) {
                    out.append(entity);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
