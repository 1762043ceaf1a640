package dev.failforward.preview;

import com.atlassian.templaterenderer.TemplateRenderer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A preview page rendered from a Velocity template in {@code preview/templates}. */
abstract class PageServlet extends HttpServlet {

    private final transient TemplateRenderer templates;

    PageServlet(TemplateRenderer templates) {
        this.templates = templates;
    }

    protected void render(HttpServletResponse response, String template, Map<String, Object> model) throws IOException {
        StringWriter html = new StringWriter();
        templates.render("preview/templates/" + template, model, html);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
        response.getOutputStream().write(html.toString().getBytes(StandardCharsets.UTF_8));
    }
}
