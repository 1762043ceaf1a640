package dev.failforward.preview;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.templaterenderer.TemplateRenderer;
import dev.failforward.core.text.Html;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A preview page rendered from a Velocity template in {@code preview/templates}. */
abstract class PageServlet extends HttpServlet {

    private final transient TemplateRenderer templates;

    PageServlet(TemplateRenderer templates) {
        this.templates = templates;
    }

    protected void render(HttpServletResponse response, String template, Map<String, Object> model) throws IOException {
        StringWriter html = new StringWriter();
        Map<String, Object> full = new LinkedHashMap<>(model);
        // the page header names who you are in the preview (and links to switching)
        full.putIfAbsent("previewUserHtml", Html.escape(
                dev.failforward.preview.jira.PreviewUsers.SWITCHABLE.get(dev.failforward.preview.jira.PreviewUsers.current())));
        templates.render("preview/templates/" + template, full, html);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
        response.getOutputStream().write(html.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A page that says why the request was not done ({@code error.vm}), with the status. */
    protected void error(HttpServletResponse response, int status, String title, String message) throws IOException {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("status", status);
        model.put("titleHtml", Html.escape(title));
        model.put("messageHtml", Html.escape(message));
        response.setStatus(status);
        render(response, "error.vm", model);
    }

    /** 403: a form post that failed the cross-site request forgery checks ({@link PreviewCsrf}), and why. */
    protected void forbidden(HttpServletResponse response, I18nResolver i18n, PreviewCsrf.Refusal refusal)
            throws IOException {
        error(response, HttpServletResponse.SC_FORBIDDEN, i18n.getText("preview.csrf.title"),
                i18n.getText(refusal.i18nKey(), (java.io.Serializable[]) refusal.arguments()));
    }
}
