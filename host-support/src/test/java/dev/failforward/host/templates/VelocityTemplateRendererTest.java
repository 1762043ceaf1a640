package dev.failforward.host.templates;

import com.atlassian.templaterenderer.RenderingException;
import dev.failforward.host.i18n.BundleI18nResolver;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VelocityTemplateRendererTest {

    private final VelocityTemplateRenderer renderer = new VelocityTemplateRenderer();

    @Test
    void rendersAClasspathTemplateWithI18nAndLoops() throws Exception {
        StringWriter out = new StringWriter();
        renderer.render("templates/sample.vm", Map.of(
                "i18n", BundleI18nResolver.fromClasspath(Locale.ENGLISH, "i18n/sample.properties"),
                "word", "somehow",
                "items", List.of("a", "b")), out);
        assertThat(out.toString()).contains("<p class=\"greeting\">Found somehow in the hypothesis</p>")
                .contains("<li>a</li><li>b</li>");
    }

    @Test
    void anUndefinedReferenceFailsInsteadOfPrintingItsName() {
        assertThatThrownBy(() -> renderer.render("templates/sample.vm", Map.of("items", List.of()), new StringWriter()))
                .isInstanceOf(RenderingException.class).hasMessageContaining("templates/sample.vm");
    }

    @Test
    void aMissingTemplateFails() {
        assertThatThrownBy(() -> renderer.render("templates/none.vm", Map.of(), new StringWriter()))
                .isInstanceOf(RenderingException.class).hasMessageContaining("templates/none.vm");
    }
}
