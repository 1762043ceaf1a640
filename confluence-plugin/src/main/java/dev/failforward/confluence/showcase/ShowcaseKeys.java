package dev.failforward.confluence.showcase;

/**
 * Every name the showcase macro and the "Failure showcase" blueprint share with what is not Java: the descriptor
 * ({@code atlassian-plugin.xml}), the content template ({@code templates/blueprints/showcase.xml}), the i18n bundle's
 * macro-browser keys and the preview. {@code ShowcaseKeysTest} reads those files and fails when one says something
 * else. Never change a released value: pages store the macro name and its parameters.
 */
public final class ShowcaseKeys {

    /** The {@code <xhtml-macro name>}, as pages store it. */
    public static final String MACRO = "failforward-showcase";
    public static final String MACRO_MODULE = "showcase-macro";
    /** Macro parameter: project keys, comma-separated; empty = every project the viewer may browse. */
    public static final String PARAM_PROJECTS = "projects";
    /** Macro parameter: {@code 2026-Q3}, {@code 2026-09}, {@code 2026} or {@code 2026-07..2026-09}; empty = this quarter. */
    public static final String PARAM_PERIOD = "period";

    /** The showcase's styles (screen and print). */
    public static final String WEB_RESOURCE = "showcase-macro-resources";

    /** "Failure showcase": the Create dialog's web-item, the blueprint, its content template and its file. */
    public static final String WEB_ITEM = "showcase-create-item";
    public static final String BLUEPRINT = "showcase-blueprint";
    public static final String CONTENT_TEMPLATE = "showcase-content-template";
    public static final String TEMPLATE_FILE = "templates/blueprints/showcase.xml";
    public static final String INDEX_KEY = "failforward-showcase";
    /** Content template variable ({@code <at:var>}): the macro's {@code period} parameter, the last complete quarter. */
    public static final String VARIABLE_PERIOD = "ffShowcasePeriod";

    private ShowcaseKeys() {
    }
}
