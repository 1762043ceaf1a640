package dev.failforward.host.templates;

import com.atlassian.templaterenderer.RenderingException;
import com.atlassian.templaterenderer.TemplateRenderer;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
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
 */
public final class VelocityTemplateRenderer implements TemplateRenderer {

    private final VelocityEngine engine;

    public VelocityTemplateRenderer() {
        Properties properties = new Properties();
        properties.setProperty(RuntimeConstants.RESOURCE_LOADER, "classpath");
        properties.setProperty("classpath.resource.loader.class", ClasspathResourceLoader.class.getName());
        properties.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        properties.setProperty(RuntimeConstants.OUTPUT_ENCODING, "UTF-8");
        properties.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        properties.setProperty(RuntimeConstants.RUNTIME_LOG_LOGSYSTEM_CLASS, "org.apache.velocity.runtime.log.NullLogChute");
        engine = new VelocityEngine(properties);
        engine.init();
    }

    @Override
    public void render(String templateName, Map<String, Object> context, Writer writer) {
        try {
            Template template = engine.getTemplate(templateName, "UTF-8");
            template.merge(new VelocityContext(new java.util.HashMap<>(context)), writer);
            writer.flush();
        } catch (Exception e) {
            throw new RenderingException("Cannot render " + templateName + ": " + e.getMessage(), e);
        }
    }
}
