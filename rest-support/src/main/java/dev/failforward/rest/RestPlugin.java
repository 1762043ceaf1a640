package dev.failforward.rest;

import java.io.Serializable;
import java.util.Optional;

/**
 * What the shared REST code needs from the plugin it is inlined into. Each plugin has exactly one implementation, a
 * component of its own ({@code @Named}, in its Spring Scanner index), which the product's container injects into the
 * shared providers like any other constructor argument. That keeps this package free of host types: the plugin
 * translates with SAL's {@code I18nResolver}, and knows its own domain's exceptions.
 */
public interface RestPlugin {

    /** The text of an i18n key of the plugin's bundles in the current user's language (the key itself if missing). */
    String text(String i18nKey, Serializable... arguments);

    /**
     * The plugin's own expected failures as the problem to answer (a service's "not found", a conflict, a database that
     * is busy for a moment), or empty for anything it does not know, which is then answered as a JAX-RS error or an
     * unexpected 500. Called for every exception a resource throws that is not already a {@link RequestProblem}.
     */
    default Optional<RequestProblem> problem(Throwable exception) {
        return Optional.empty();
    }
}
