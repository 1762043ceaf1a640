package dev.failforward.preview;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.macro.MacroExecutionException;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.text.Html;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /confluence/hypothesis-card}: a Confluence-like page with the {@code failforward-hypothesis} macro rendered by
 * the Confluence plugin's own macro class, for the experiments in the failure database and for text the visitor
 * types ({@code ?text=…}).
 */
final class ConfluencePageServlet extends PageServlet {

    /** A page view, as Confluence passes it to a macro. */
    static final ConversionContext PAGE_VIEW = () -> "display";

    private final transient PreviewServices services;

    ConfluencePageServlet(PreviewServices services) {
        super(services.templates);
        this.services = services;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String text = request.getParameter("text");
        List<Map<String, Object>> cards = new ArrayList<>();
        if (text != null) {
            cards.add(card("—", text));
        }
        for (String project : DemoData.projects()) {
            for (FailureRecord record : services.records.findByProject(project, PageRequest.first(50))) {
                if (record.hypothesis() != null) {
                    cards.add(card(record.issueKey() + " " + record.summary(), record.hypothesis()));
                }
            }
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("textHtml", Html.escape(text == null ? "" : text));
        model.put("cards", cards);
        render(response, "confluence-page.vm", model);
    }

    private Map<String, Object> card(String title, String hypothesis) {
        String macroHtml;
        try {
            // the macro's own output, escaped by the macro's template
            macroHtml = services.hypothesisMacro.execute(Map.of(), hypothesis, PAGE_VIEW);
        } catch (MacroExecutionException e) {
            macroHtml = "<div class=\"ff-macro-error\">" + Html.escape(e.getMessage()) + "</div>";
        }
        return Map.of("titleHtml", Html.escape(title), "macroHtml", macroHtml);
    }
}
