package dev.failforward.host.templates;

import com.atlassian.templaterenderer.RenderingException;
import com.atlassian.templaterenderer.TemplateRenderer;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

import java.io.Writer;
import java.util.Map;
import java.util.Properties;

/**
 * The {@link TemplateRenderer} stand-in over Apache Velocity 1.7, loading templates from the class path like the
 * products' renderer does with plugin resources. The products run Atlassian's Velocity 1.x fork, so templates are
 * written in Velocity 1.x syntax and what is tested here is what ships (ARCHITECTURE.md §5). Strict references are
 * on: a template that names a variable nobody put in the context fails the test instead of printing {@code $name}.
 *
 * <p>By default it escapes as the products do ({@link Escaping#HOST}, the rules in {@link HtmlSafePolicy}): every
 * printed reference is HTML-escaped unless it is a scalar named {@code …Html} or the value of an HTML-safe method. So
 * a template context holds plain text, and the only values a template prints as they are come from an {@code Html}
 * name that the Java side made safe. {@link Escaping#NONE} is only for the preview's own pages, which still escape
 * their values in Java.
 */
public final class VelocityTemplateRenderer implements TemplateRenderer {

    /** How printed references reach the page. */
    public enum Escaping {
        /** As Jira's and Confluence's renderers do (velocity-htmlsafe): escaped unless HTML-safe. */
        HOST,
        /** Printed as they are: the preview's own pages, whose Java escapes every value it hands them. */
        NONE
    }

    private final VelocityEngine engine;
    private final Escaping escaping;

    /** A renderer that escapes as the products do. */
    public VelocityTemplateRenderer() {
        this(Escaping.HOST);
    }

    public VelocityTemplateRenderer(Escaping escaping) {
        this.escaping = escaping;
        Properties properties = new Properties();
        properties.setProperty(RuntimeConstants.RESOURCE_LOADER, "classpath");
        properties.setProperty("classpath.resource.loader.class", ClasspathResourceLoader.class.getName());
        properties.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        properties.setProperty(RuntimeConstants.OUTPUT_ENCODING, "UTF-8");
        properties.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        properties.setProperty(RuntimeConstants.RUNTIME_LOG_LOGSYSTEM_CLASS, "org.apache.velocity.runtime.log.NullLogChute");
        if (escaping == Escaping.HOST) {
            properties.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, HtmlSafeUberspect.class.getName());
        }
        engine = new VelocityEngine(properties);
        engine.init();
    }

    public Escaping escaping() {
        return escaping;
    }

    @Override
    public void render(String templateName, Map<String, Object> context, Writer writer) {
        try {
            Template template = engine.getTemplate(templateName, "UTF-8");
            VelocityContext velocity = new VelocityContext(new java.util.HashMap<>(context));
            if (escaping == Escaping.HOST) {
                EventCartridge events = new EventCartridge();
                events.addEventHandler(new HostEscaping());
                events.attachToContext(velocity);
            }
            template.merge(velocity, writer);
            writer.flush();
        } catch (Exception e) {
            throw new RenderingException("Cannot render " + templateName + ": " + e.getMessage(), e);
        }
    }

    /** velocity-htmlsafe's {@code HtmlAnnotationEscaper}: what a reference prints. */
    static final class HostEscaping implements ReferenceInsertionEventHandler {
        @Override
        public Object referenceInsert(String reference, Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof HtmlSafeValue) {
                return value.toString();
            }
            if (HtmlSafePolicy.safeReference(reference) || HtmlSafePolicy.hasHtmlSafeToString(value)) {
                return value;
            }
            return HtmlSafePolicy.encode(value.toString());
        }
    }
}
